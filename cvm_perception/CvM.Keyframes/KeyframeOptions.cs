namespace CvM.Keyframes;

/// <summary>
/// Every parameter of pose pairing, the keyframe ring buffer and view selection, with defaults, ranges and
/// descriptions in <see cref="Parameters"/> (STYLE rule 8). Immutable; validate once at start-up with
/// <see cref="Validate"/>.
/// <para>
/// Why the selection defaults are what they are (the numbers are computed by <see cref="ParallaxBudget"/> and checked
/// by its tests): the shipped model (models/cvm_96x128) sees 128 px wide inputs and builds its plane-sweep cost volume
/// at 1/8 resolution (16 cells across; 16 planes uniform in inverse depth over 0.3 to 10 m); the spatial-aware features
/// exist at 1/4. For the 7-Scenes Kinect (fx = 585 px at 640 px, horizontal field of view 57.4 deg) fx is 117 px at the
/// model input, 14.6 px per cost-volume cell. A point at depth z seen from two views with a lateral baseline b moves fx
/// b / z pixels. Indoors (1 to 5 m) the mid-range in inverse depth, where the planes are spaced uniformly, is z = 2 /
/// (1/1 + 1/5) = 1.67 m. Asking that point to move at least half a cost-volume cell, i.e. one pixel of the
/// 1/4-resolution features and one cell of a 1/4 cost volume where the model has one (below that the bilinear warp
/// cannot tell the hypotheses apart), gives b &gt;= 0.5 * 1.67 / 14.6 = 0.057 m: hence <see cref="MinBaselineM"/> =
/// 0.06 m (0.53 cell). The committed checkpoint was trained with the same nearest-two rule at 0.05 m (0.44 cell); 0.06
/// m stays inside what it saw (its paths move 2 to 6 cm per 10 Hz frame, so its sources lie between 0.05 and about 0.17
/// m). For a 72 deg camera 0.06 m gives 0.40 cell; raise it to 0.076 m there. <see cref="MaxViewAngleDeg"/> = 30 deg
/// keeps about 48 % of the reference's columns inside the source's view for a 57.4 deg camera turning about its
/// vertical axis (and more for wider lenses), so the cost volume is not mostly empty. Keyframes are spaced half a
/// minimum baseline apart (<see cref="KeyframeMinTranslationM"/>), so on steady motion the nearest qualifying keyframe
/// lies within 1.5 minimum baselines; 30 keyframes over at most 3 s (<see cref="KeyframeCapacity"/>, <see
/// cref="MaxKeyframeAgeS"/>) is the training window (30 frames at 10 Hz).
/// </para>
/// </summary>
public sealed record KeyframeOptions
{
    /// <summary>The defaults.</summary>
    public static KeyframeOptions Default { get; } = new();

    /// <summary>Samples kept per odometry stream and per dynamic TF edge (512 = 5 s at 100 Hz). Allocated once.</summary>
    public int PoseHistoryCapacity { get; init; } = 512;

    /// <summary>
    /// Largest time between an image stamp and the nearest pose sample when the stamp lies outside the sampled
    /// interval (the nearest sample is then held, never extrapolated), seconds. 20 ms is one period of 50 Hz odometry;
    /// at 0.6 m/s it bounds the held-pose error by 1.2 cm, a fifth of the minimum baseline.
    /// </summary>
    public double PoseToleranceS { get; init; } = 0.02;

    /// <summary>
    /// Live only: longest time an image waits for the odometry sample that brackets its stamp when the newest sample
    /// is older than the image (the image and the odometry arrive on separate DDS readers, so the image often comes
    /// first), seconds; like a tf2 message filter, but bounded. 0 = pair at once. 50 ms is 1.5 camera periods at 30
    /// Hz and 2.5 odometry periods at 50 Hz; it waits only while the odometry stream is live (its newest sample within
    /// <see cref="MaxInterpolationGapS"/> of the image), so a node without odometry never waits.
    /// </summary>
    public double PoseWaitS { get; init; } = 0.05;

    /// <summary><see cref="PoseWaitS"/> in nanoseconds.</summary>
    public long PoseWaitNs => SecondsToNs(PoseWaitS);

    /// <summary>Largest interval between the two bracketing samples that is still interpolated, seconds; wider gaps mean a lost stream.</summary>
    public double MaxInterpolationGapS { get; init; } = 0.25;

    /// <summary>Largest |norm - 1| of an incoming quaternion that is normalised and accepted; beyond it the sample is rejected (tf2 uses 0.01).</summary>
    public double QuaternionNormTolerance { get; init; } = 0.01;

    /// <summary>
    /// A stamp this much earlier than the newest sample is a clock reset (bag loop, simulation restart): the history
    /// is cleared and the sample kept. Smaller steps backwards are dropped and counted. Seconds.
    /// </summary>
    public double ClockJumpBackResetS { get; init; } = 1.0;

    /// <summary>Most frames the TF buffer holds (arrays allocated once).</summary>
    public int MaxTfFrames { get; init; } = 64;

    /// <summary>A camera_info whose stamp is within this of the image's counts as the image's own, seconds; otherwise the latest one of the frame is used.</summary>
    public double CameraInfoToleranceS { get; init; } = 0.005;

    /// <summary>Keyframes kept in the ring buffer (allocated once; each holds one payload of cached per-view features).</summary>
    public int KeyframeCapacity { get; init; } = 30;

    /// <summary>A frame becomes a keyframe when its camera centre moved at least this far from the last keyframe's, metres (half of <see cref="MinBaselineM"/>).</summary>
    public double KeyframeMinTranslationM { get; init; } = 0.03;

    /// <summary>... or when the camera turned at least this much since the last keyframe, degrees (6 keyframes per <see cref="MaxViewAngleDeg"/>).</summary>
    public double KeyframeMinRotationDeg { get; init; } = 5;

    /// <summary>Smallest camera-centre distance of a source view from the reference, metres (parallax derivation above).</summary>
    public double MinBaselineM { get; init; } = 0.06;

    /// <summary>Largest rotation between a source view and the reference, degrees (overlap derivation above).</summary>
    public double MaxViewAngleDeg { get; init; } = 30;

    /// <summary>Oldest keyframe usable as a source, seconds before the reference's stamp (the training window).</summary>
    public double MaxKeyframeAgeS { get; init; } = 3;

    /// <summary>What to do when exactly one keyframe is usable.</summary>
    public SingleViewPolicy SingleViewPolicy { get; init; } = SingleViewPolicy.DuplicateReference;

    /// <summary><see cref="PoseToleranceS"/> in nanoseconds.</summary>
    public long PoseToleranceNs => SecondsToNs(PoseToleranceS);

    /// <summary><see cref="MaxInterpolationGapS"/> in nanoseconds.</summary>
    public long MaxInterpolationGapNs => SecondsToNs(MaxInterpolationGapS);

    /// <summary><see cref="ClockJumpBackResetS"/> in nanoseconds.</summary>
    public long ClockJumpBackResetNs => SecondsToNs(ClockJumpBackResetS);

    /// <summary><see cref="CameraInfoToleranceS"/> in nanoseconds.</summary>
    public long CameraInfoToleranceNs => SecondsToNs(CameraInfoToleranceS);

    /// <summary><see cref="MaxKeyframeAgeS"/> in nanoseconds.</summary>
    public long MaxKeyframeAgeNs => SecondsToNs(MaxKeyframeAgeS);

    /// <summary>The numeric parameters: name, unit, range, description.</summary>
    public static IReadOnlyList<KeyframeParameter> Parameters { get; } =
    [
        new("pose_history_capacity", "count", 8, 100_000, "pose samples kept per odometry stream and TF edge", o => o.PoseHistoryCapacity),
        new("pose_tolerance", "s", 0, 1, "largest distance in time to a held (not interpolated) pose sample", o => o.PoseToleranceS),
        new("pose_wait", "s", 0, 1, "live: longest wait of an image for the odometry sample that brackets its stamp", o => o.PoseWaitS),
        new("max_interpolation_gap", "s", 1e-3, 10, "largest interval between bracketing pose samples that is interpolated", o => o.MaxInterpolationGapS),
        new("quaternion_norm_tolerance", "1", 0, 0.5, "largest |norm - 1| of a quaternion that is normalised instead of rejected", o => o.QuaternionNormTolerance),
        new("clock_jump_back_reset", "s", 1e-3, 3600, "backwards stamp jump that clears the pose history instead of being dropped", o => o.ClockJumpBackResetS),
        new("max_tf_frames", "count", 2, 4096, "most frames in the TF buffer", o => o.MaxTfFrames),
        new("camera_info_tolerance", "s", 0, 1, "stamp difference under which a camera_info is the image's own", o => o.CameraInfoToleranceS),
        new("keyframe_capacity", "count", 2, 1000, "keyframes kept in the ring buffer", o => o.KeyframeCapacity),
        new("keyframe_min_translation", "m", 0, 10, "camera motion since the last keyframe that makes a new one", o => o.KeyframeMinTranslationM),
        new("keyframe_min_rotation", "deg", 0, 180, "camera rotation since the last keyframe that makes a new one", o => o.KeyframeMinRotationDeg),
        new("min_baseline", "m", 0, 10, "smallest camera-centre distance of a source view", o => o.MinBaselineM),
        new("max_view_angle", "deg", 0, 180, "largest rotation between a source view and the reference", o => o.MaxViewAngleDeg),
        new("max_keyframe_age", "s", 1e-3, 3600, "oldest keyframe usable as a source view", o => o.MaxKeyframeAgeS),
    ];

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first parameter out of range (or not finite).</summary>
    public void Validate()
    {
        foreach (var p in Parameters)
        {
            var v = p.Read(this);
            if (!double.IsFinite(v) || v < p.Min || v > p.Max)
                throw new ArgumentOutOfRangeException(p.Name, v, $"{p.Name} must be in [{p.Min}, {p.Max}] {p.Unit}: {p.Description}");
        }
        if (!Enum.IsDefined(SingleViewPolicy))
            throw new ArgumentOutOfRangeException(nameof(SingleViewPolicy), SingleViewPolicy, "unknown single-view policy");
    }

    private static long SecondsToNs(double seconds) => (long)Math.Round(seconds * 1e9);
}
