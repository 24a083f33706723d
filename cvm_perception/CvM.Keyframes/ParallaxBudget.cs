namespace CvM.Keyframes;

/// <summary>
/// The arithmetic behind the view-selection defaults of <see cref="KeyframeOptions"/>: how many cost-volume cells a
/// baseline moves a point, and how much of the reference a rotated source still sees. Pure functions; the constants
/// are the inputs of the derivation (the shipped model's input width and cost-volume stride, the 7-Scenes Kinect,
/// the indoor depth range), not parameters of any algorithm.
/// </summary>
public static class ParallaxBudget
{
    /// <summary>Model input width, pixels (the shipped 96x128 CvM, models/cvm_96x128.json).</summary>
    public const int ModelInputWidthPx = 128;

    /// <summary>Stride of the plane-sweep cost volume relative to the model input (1/8 resolution).</summary>
    public const int CostVolumeStride = 8;

    /// <summary>Stride of the spatial-aware features (1/4 resolution).</summary>
    public const int FeatureStride = 4;

    /// <summary>7-Scenes Kinect focal length at its 640 px width, pixels.</summary>
    public const double KinectFxPx = 585;

    /// <summary>7-Scenes Kinect image width, pixels.</summary>
    public const int KinectWidthPx = 640;

    /// <summary>Near end of the indoor working range, metres.</summary>
    public const double IndoorNearM = 1;

    /// <summary>Far end of the indoor working range, metres.</summary>
    public const double IndoorFarM = 5;

    /// <summary>Half a cost-volume cell = one pixel at the features' 1/4 resolution: the smallest shift the warp resolves.</summary>
    public const double RequiredShiftCells = 0.5;

    /// <summary>The Kinect's focal length at the model input width (585 * 128 / 640 = 117 px).</summary>
    public static double KinectFxAtModelInputPx => KinectFxPx * ModelInputWidthPx / KinectWidthPx;

    /// <summary>The midpoint of [near, far] in inverse depth (plane-sweep planes are uniform in inverse depth).</summary>
    public static double InverseDepthMidpointM(double nearM, double farM) => 2 / (1 / nearM + 1 / farM);

    /// <summary>
    /// Shift, in cells of a feature map of the given stride, of a point at <paramref name="depthM"/> between two
    /// views <paramref name="baselineM"/> apart perpendicular to the optical axis: fx b / (z stride).
    /// </summary>
    public static double DisparityCells(double fxModelPx, int stride, double baselineM, double depthM) =>
        fxModelPx * baselineM / (depthM * stride);

    /// <summary>The baseline that shifts a point at <paramref name="depthM"/> by <paramref name="cells"/> cells: cells z stride / fx.</summary>
    public static double BaselineForShiftM(double fxModelPx, int stride, double depthM, double cells) =>
        cells * depthM * stride / fxModelPx;

    /// <summary>
    /// Share of the reference image's columns whose viewing rays stay inside the horizontal field of view of a
    /// source that turned by <paramref name="yawRad"/> about the vertical axis (same centre): the columns with ray
    /// angle a in [yaw - hfov/2, hfov/2], i.e. 1/2 - tan(yaw - hfov/2) / (2 tan(hfov/2)), clamped to [0, 1].
    /// </summary>
    public static double ColumnOverlapFraction(double hfovRad, double yawRad)
    {
        var half = 0.5 * hfovRad;
        var yaw = Math.Abs(yawRad);
        if (yaw >= hfovRad) return 0;
        return Math.Clamp(0.5 - Math.Tan(yaw - half) / (2 * Math.Tan(half)), 0, 1);
    }
}
