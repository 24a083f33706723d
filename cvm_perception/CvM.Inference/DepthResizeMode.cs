namespace CvM.Inference;

/// <summary>How depth is resized from the model's resolution to the camera's.</summary>
public enum DepthResizeMode
{
    /// <summary>Bilinear (smooth surfaces; a NaN neighbour makes the result NaN).</summary>
    Bilinear = 0,

    /// <summary>Nearest neighbour (no depth blended across edges).</summary>
    Nearest,
}
