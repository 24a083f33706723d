using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Pairing;

/// <summary>
/// Pairs each image with its camera_info (same frame id; the one nearest in stamp within the tolerance, else the
/// latest) and with the camera pose at the image's stamp from an <see cref="ICameraPoseSource"/>. Images without a
/// pose go on in duplication mode, counted by cause in <see cref="PoseFailures"/>; images without usable intrinsics
/// are dropped, and so are images whose stamp does not increase per camera, counted in <see cref="ImageOutcomes"/>; bad camera_infos (K all zero, non-finite, not pinhole) are
/// dropped, counted in <see cref="CameraInfoOutcomes"/>. All storage is allocated at construction, except one
/// <see cref="Intrinsics"/> per distinct camera_info; pairing allocates nothing. Not thread-safe: the pairing stage
/// owns it; counters may be read from any thread.
/// </summary>
public sealed class FramePairer
{
    /// <summary>Most distinct camera frames held.</summary>
    public const int MaxCameraFrames = 16;

    /// <summary>camera_infos remembered per camera frame (for stamp matching when intrinsics change).</summary>
    public const int CameraInfoHistory = 4;

    private readonly ICameraPoseSource? _poseSource;
    private readonly long _infoToleranceNs;
    private readonly FrameIdTable _cameras = new(MaxCameraFrames);
    private readonly long[] _infoStampsNs = new long[MaxCameraFrames * CameraInfoHistory];
    private readonly Intrinsics?[] _infoK = new Intrinsics?[MaxCameraFrames * CameraInfoHistory];
    private readonly int[] _infoCount = new int[MaxCameraFrames];
    private readonly int[] _infoNewest = new int[MaxCameraFrames];
    private readonly long[] _lastImageStampNs = new long[MaxCameraFrames];
    private readonly bool[] _hasImage = new bool[MaxCameraFrames];
    private readonly long _clockResetNs;
    private long _clockResets;

    /// <summary>Creates a pairer; <paramref name="poseSource"/> null means no pose source (every image duplicated, counted as NoSource).</summary>
    public FramePairer(KeyframeOptions options, ICameraPoseSource? poseSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _poseSource = poseSource;
        _infoToleranceNs = options.CameraInfoToleranceNs;
        _clockResetNs = options.ClockJumpBackResetNs;
    }

    /// <summary>
    /// Images whose stamp jumped back by more than the clock-reset threshold (bag loop, simulation restart): they are
    /// paired as usual and restart the stamp order; the caller should clear its keyframes (the keyframe buffer does so
    /// on its own when such a frame is inserted).
    /// </summary>
    public long ClockResets => Interlocked.Read(ref _clockResets);

    /// <summary>Every camera_info offered, by outcome.</summary>
    public OutcomeCounts<CameraInfoOutcome> CameraInfoOutcomes { get; } = new();

    /// <summary>Every image paired, by outcome.</summary>
    public OutcomeCounts<PairingOutcome> ImageOutcomes { get; } = new();

    /// <summary>Images that went on without a pose, by cause.</summary>
    public OutcomeCounts<PoseLookupStatus> PoseFailures { get; } = new();

    /// <summary>
    /// Offers a sensor_msgs/CameraInfo: header stamp and frame_id, width, height and K (row-major, 9 entries, as in
    /// the message). Returns false and counts the drop for K all zero, non-finite, or not a pinhole matrix.
    /// </summary>
    public bool TryAddCameraInfo(long stampNs, string frameId, int width, int height, ReadOnlySpan<double> K_rowMajor9,
        out CameraInfoOutcome outcome)
    {
        outcome = AddCameraInfo(stampNs, frameId, width, height, K_rowMajor9);
        CameraInfoOutcomes.Increment(outcome);
        return outcome == CameraInfoOutcome.Accepted;
    }

    /// <summary>Pairs <paramref name="image"/>; see <see cref="PairedFrame"/> for what comes back.</summary>
    public PairedFrame Pair(in ImageInput image)
    {
        var frame = PairCore(image);
        ImageOutcomes.Increment(frame.Outcome);
        if (frame.Outcome == PairingOutcome.NoPose) PoseFailures.Increment(frame.PoseStatus);
        return frame;
    }

    private PairedFrame PairCore(in ImageInput image)
    {
        if (image.Width <= 0 || image.Height <= 0 || FrameIdTable.Normalize(image.FrameId).IsEmpty)
            return Dropped(image.StampNs, PairingOutcome.InvalidImage);
        var camera = _cameras.Find(image.FrameId);
        if (camera < 0 || _infoCount[camera] == 0) return Dropped(image.StampNs, PairingOutcome.NoCameraInfo);
        if (_hasImage[camera])
        {
            var last = _lastImageStampNs[camera];
            if (image.StampNs == last) return Dropped(image.StampNs, PairingOutcome.DuplicateStamp);
            if (image.StampNs < last)
            {
                if (last - image.StampNs < _clockResetNs) return Dropped(image.StampNs, PairingOutcome.StampBackwards);
                Interlocked.Increment(ref _clockResets);
            }
        }
        _lastImageStampNs[camera] = image.StampNs;
        _hasImage[camera] = true;

        var baseSlot = camera * CameraInfoHistory;
        var best = -1;
        var bestDt = long.MaxValue;
        for (var k = 0; k < _infoCount[camera]; k++)
        {
            var dt = Math.Abs(_infoStampsNs[baseSlot + k] - image.StampNs);
            if (dt <= _infoToleranceNs && dt < bestDt)
            {
                best = baseSlot + k;
                bestDt = dt;
            }
        }
        var match = CameraInfoMatch.SameStamp;
        if (best < 0)
        {
            best = baseSlot + _infoNewest[camera];
            match = CameraInfoMatch.Latest;
        }
        var K = _infoK[best]!;
        if (K.Width != image.Width || K.Height != image.Height) return Dropped(image.StampNs, PairingOutcome.SizeMismatch);

        if (_poseSource is null)
            return new PairedFrame(image.StampNs, PairingOutcome.NoPose, K, match, PoseLookupStatus.NoSource, Pose3.Identity);
        if (!_poseSource.TryGetCameraPose(image.StampNs, image.FrameId, out var T_world_cam, out var status))
            return new PairedFrame(image.StampNs, PairingOutcome.NoPose, K, match, status, Pose3.Identity);
        if (!PoseValidation.IsFinite(T_world_cam))
            return new PairedFrame(image.StampNs, PairingOutcome.NoPose, K, match, PoseLookupStatus.NonFinite, Pose3.Identity);
        return new PairedFrame(image.StampNs, PairingOutcome.Paired, K, match, PoseLookupStatus.Ok, T_world_cam);
    }

    private static PairedFrame Dropped(long stampNs, PairingOutcome outcome) =>
        new(stampNs, outcome, null, CameraInfoMatch.None, PoseLookupStatus.Ok, Pose3.Identity);

    private CameraInfoOutcome AddCameraInfo(long stampNs, string frameId, int width, int height, ReadOnlySpan<double> K)
    {
        if (K.Length != 9 || width <= 0 || height <= 0) return CameraInfoOutcome.InvalidSize;
        var allZero = true;
        foreach (var v in K)
        {
            if (!double.IsFinite(v)) return CameraInfoOutcome.NonFinite;
            allZero &= v == 0;
        }
        if (allZero) return CameraInfoOutcome.ZeroK;
        double fx = K[0], cx = K[2], fy = K[4], cy = K[5];
        if (!(fx > 0) || !(fy > 0) || K[3] != 0 || K[6] != 0 || K[7] != 0 || K[8] != 1) return CameraInfoOutcome.InvalidK;
        var camera = _cameras.FindOrAdd(frameId);
        if (camera < 0) return CameraInfoOutcome.InvalidFrameId;

        var baseSlot = camera * CameraInfoHistory;
        var count = _infoCount[camera];
        var newest = count == 0 ? -1 : _infoNewest[camera];
        // Reuse the newest instance when nothing changed, so a steady camera_info stream allocates nothing.
        var previous = newest < 0 ? null : _infoK[baseSlot + newest];
        var intrinsics = previous is not null && previous.Fx == fx && previous.Fy == fy && previous.Cx == cx && previous.Cy == cy
            && previous.Width == width && previous.Height == height
            ? previous
            : new Intrinsics(fx, fy, cx, cy, width, height);
        var slot = count < CameraInfoHistory ? count : (newest + 1) % CameraInfoHistory;
        _infoStampsNs[baseSlot + slot] = stampNs;
        _infoK[baseSlot + slot] = intrinsics;
        _infoNewest[camera] = slot;
        if (count < CameraInfoHistory) _infoCount[camera] = count + 1;
        return CameraInfoOutcome.Accepted;
    }
}
