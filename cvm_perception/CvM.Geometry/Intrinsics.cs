namespace CvM.Geometry;

/// <summary>
/// Pinhole intrinsics of an image of <see cref="Width"/> x <see cref="Height"/> pixels: a camera-frame
/// point (x, y, z) (optical frame, z forward) projects to u = fx x / z + cx, v = fy y / z + cy, in pixel
/// units with pixel centres at integer coordinates (the OpenCV / ROS CameraInfo convention).
/// </summary>
public sealed record Intrinsics
{
    /// <summary>Creates intrinsics; throws <see cref="ArgumentOutOfRangeException"/> on non-positive or non-finite values.</summary>
    public Intrinsics(double fx, double fy, double cx, double cy, int width, int height)
    {
        if (!double.IsFinite(fx) || !double.IsFinite(fy) || fx <= 0 || fy <= 0)
            throw new ArgumentOutOfRangeException(nameof(fx), "focal lengths must be positive and finite");
        if (!double.IsFinite(cx) || !double.IsFinite(cy))
            throw new ArgumentOutOfRangeException(nameof(cx), "principal point must be finite");
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), "image size must be positive");
        Fx = fx;
        Fy = fy;
        Cx = cx;
        Cy = cy;
        Width = width;
        Height = height;
    }

    /// <summary>Focal length along x, pixels.</summary>
    public double Fx { get; }

    /// <summary>Focal length along y, pixels.</summary>
    public double Fy { get; }

    /// <summary>Principal point x, pixels.</summary>
    public double Cx { get; }

    /// <summary>Principal point y, pixels.</summary>
    public double Cy { get; }

    /// <summary>Image width, pixels.</summary>
    public int Width { get; }

    /// <summary>Image height, pixels.</summary>
    public int Height { get; }

    /// <summary>Intrinsics with the given horizontal field of view (radians), square pixels, centred principal point.</summary>
    public static Intrinsics FromHorizontalFov(double hfovRad, int width, int height)
    {
        if (!(hfovRad > 0) || !(hfovRad < Math.PI)) throw new ArgumentOutOfRangeException(nameof(hfovRad));
        var f = 0.5 * width / Math.Tan(0.5 * hfovRad);
        return new Intrinsics(f, f, 0.5 * (width - 1), 0.5 * (height - 1), width, height);
    }

    /// <summary>
    /// The intrinsics of this camera's image resized to <paramref name="width"/> x <paramref name="height"/>
    /// (whole image, no crop): fx' = fx sx, cx' = (cx + 0.5) sx - 0.5 with sx = width / Width, the same in y
    /// (pixel centres at integer coordinates, as an area-aligned resize such as OpenCV's maps them).
    /// </summary>
    public Intrinsics ScaleTo(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "image size must be positive");
        var sx = (double)width / Width;
        var sy = (double)height / Height;
        return new Intrinsics(Fx * sx, Fy * sy, (Cx + 0.5) * sx - 0.5, (Cy + 0.5) * sy - 0.5, width, height);
    }

    /// <summary>Writes K = [fx 0 cx; 0 fy cy; 0 0 1], row-major, into 9 floats.</summary>
    public void WriteK(Span<float> K_rowMajor9)
    {
        if (K_rowMajor9.Length < 9) throw new ArgumentException("need 9 elements", nameof(K_rowMajor9));
        K_rowMajor9.Slice(0, 9).Clear();
        K_rowMajor9[0] = (float)Fx;
        K_rowMajor9[2] = (float)Cx;
        K_rowMajor9[4] = (float)Fy;
        K_rowMajor9[5] = (float)Cy;
        K_rowMajor9[8] = 1;
    }

    /// <summary>Writes K^-1 = [1/fx 0 -cx/fx; 0 1/fy -cy/fy; 0 0 1], row-major, into 9 floats.</summary>
    public void WriteInverseK(Span<float> invK_rowMajor9)
    {
        if (invK_rowMajor9.Length < 9) throw new ArgumentException("need 9 elements", nameof(invK_rowMajor9));
        invK_rowMajor9.Slice(0, 9).Clear();
        invK_rowMajor9[0] = (float)(1 / Fx);
        invK_rowMajor9[2] = (float)(-Cx / Fx);
        invK_rowMajor9[4] = (float)(1 / Fy);
        invK_rowMajor9[5] = (float)(-Cy / Fy);
        invK_rowMajor9[8] = 1;
    }

    /// <summary>K as a new row-major float[9] (allocates; use <see cref="WriteK"/> on hot paths).</summary>
    public float[] K()
    {
        var k = new float[9];
        WriteK(k);
        return k;
    }

    /// <summary>K^-1 as a new row-major float[9] (allocates; use <see cref="WriteInverseK"/> on hot paths).</summary>
    public float[] InverseK()
    {
        var k = new float[9];
        WriteInverseK(k);
        return k;
    }

    /// <summary>Projects a camera-frame point; returns false when it is not in front of the camera (z &lt;= 0).</summary>
    public bool TryProject(Vector3d p_cam, out double u, out double v)
    {
        if (!(p_cam.Z > 0))
        {
            u = v = double.NaN;
            return false;
        }
        u = Fx * p_cam.X / p_cam.Z + Cx;
        v = Fy * p_cam.Y / p_cam.Z + Cy;
        return true;
    }

    /// <summary>Back-projects pixel (u, v) at z-depth <paramref name="depth"/> (metres along the optical axis).</summary>
    public Vector3d BackProject(double u, double v, double depth) =>
        new((u - Cx) / Fx * depth, (v - Cy) / Fy * depth, depth);
}
