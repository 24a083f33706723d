namespace CvM.Evaluation.Geometry;

/// <summary>
/// Pinhole intrinsics of an image (pixels; pixel centres at integer coordinates, as in ROS CameraInfo K).
/// Kept here, small, until CvM.Geometry's intrinsics can replace it.
/// </summary>
/// <param name="Fx">focal length x (pixels).</param>
/// <param name="Fy">focal length y (pixels).</param>
/// <param name="Cx">principal point x (pixels).</param>
/// <param name="Cy">principal point y (pixels).</param>
/// <param name="Width">image width (pixels).</param>
/// <param name="Height">image height (pixels).</param>
public readonly record struct PinholeIntrinsics(double Fx, double Fy, double Cx, double Cy, int Width, int Height)
{
    /// <summary>From a row-major 3x3 K (ROS CameraInfo.k) and the image size.</summary>
    /// <exception cref="ArgumentException">K has not 9 values, or a focal length is not positive.</exception>
    public static PinholeIntrinsics FromK(ReadOnlySpan<double> k, int width, int height)
    {
        if (k.Length != 9) throw new ArgumentException($"K needs 9 values, got {k.Length}", nameof(k));
        var intr = new PinholeIntrinsics(k[0], k[4], k[2], k[5], width, height);
        intr.Validate();
        return intr;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless focal lengths are positive and the size is not empty.</summary>
    public void Validate()
    {
        if (!(Fx > 0) || !(Fy > 0) || !double.IsFinite(Fx) || !double.IsFinite(Fy))
            throw new ArgumentException($"focal lengths must be positive and finite (fx={Fx}, fy={Fy})");
        if (Width <= 0 || Height <= 0)
            throw new ArgumentException($"image size must be positive ({Width}x{Height})");
    }
}
