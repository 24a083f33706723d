using CvM.Keyframes.Pairing;
using CvM.Pipeline.Frames;

namespace CvM.Pipeline.Stages;

/// <summary>An image with its pairing result, passed from pairing to inference. Owns the image's pixels (dispose once).</summary>
internal readonly record struct PairedImage(ImageFrame Image, PairedFrame Pairing, long PairedTicks) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
