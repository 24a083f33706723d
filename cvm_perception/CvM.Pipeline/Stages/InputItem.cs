using CvM.Pipeline.Frames;

namespace CvM.Pipeline.Stages;

/// <summary>One item of the ordered input channel: an image or (in replay) an event. Owns the image's pixels.</summary>
internal readonly record struct InputItem(bool IsImage, ImageFrame Image, InputEvent Event) : IDisposable
{
    public void Dispose()
    {
        if (IsImage) Image.Dispose();
    }
}
