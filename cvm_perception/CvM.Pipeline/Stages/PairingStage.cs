using System.Diagnostics;
using CvM.Inference;
using CvM.Keyframes;
using CvM.Keyframes.Pairing;
using CvM.Keyframes.Poses;
using CvM.Pipeline.Diagnostics;
using CvM.Pipeline.Frames;
using CvM.Pipeline.Internal;

namespace CvM.Pipeline.Stages;

/// <summary>
/// Stage 1: applies poses, transforms and camera_infos to the buffers it owns (odometry <see cref="PoseBuffer"/>,
/// <see cref="TransformBuffer"/>, the <see cref="FramePairer"/>), validates each image (encoding, size, layout,
/// increasing stamps, rate limit) and pairs it with intrinsics and a pose. Every reject is counted by cause in the
/// diagnostics. Runs on one thread; allocates nothing per frame.
/// </summary>
internal sealed class PairingStage
{
    private readonly PipelineDiagnostics _diagnostics;
    private readonly PoseBuffer _odometry;
    private readonly TransformBuffer _tf;
    private readonly MountedOdometryPoseSource? _mounted;
    private readonly FramePairer _pairer;
    private readonly long _minPeriodNs;
    private readonly long _poseToleranceNs;
    private readonly long _maxInterpolationGapNs;
    private long _lastImageStampNs = long.MinValue;
    private long _lastAcceptedStampNs = long.MinValue;

    public PairingStage(PipelineOptions options, PipelineDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
        var k = options.Keyframes;
        _odometry = new PoseBuffer(k);
        _tf = new TransformBuffer(k);
        ICameraPoseSource? source = null;
        switch (options.Poses.Mode)
        {
            case PoseSourceMode.Odometry:
                source = _mounted = new MountedOdometryPoseSource(_odometry, _tf, options.Poses, k.PoseToleranceNs);
                break;
            case PoseSourceMode.Tf:
                source = new TfCameraPoseSource(_tf, options.Poses.WorldFrame, k.PoseToleranceNs);
                break;
        }
        _pairer = new FramePairer(k, source);
        _minPeriodNs = options.MaxRateHz > 0 ? (long)(1e9 / options.MaxRateHz) : 0;
        _poseToleranceNs = k.PoseToleranceNs;
        _maxInterpolationGapNs = k.MaxInterpolationGapNs;
    }

    /// <summary>
    /// True when an image stamped <paramref name="stampNs"/> would find no pose yet but the odometry stream is live:
    /// odometry mode, the newest sample older than the stamp by more than the pose tolerance and by at most the
    /// interpolation gap (the next sample will bracket the stamp). False without odometry, so such a node never waits.
    /// </summary>
    public bool AwaitsOdometry(long stampNs)
    {
        if (_mounted is null || _odometry.Count == 0) return false;
        var behindNs = stampNs - _odometry.NewestStampNs;
        return behindNs > _poseToleranceNs && behindNs <= _maxInterpolationGapNs;
    }

    public FramePairer Pairer => _pairer;

    /// <summary>Applies one non-image input.</summary>
    public void Apply(in InputEvent e)
    {
        PoseSampleOutcome outcome;
        switch (e.Kind)
        {
            case InputEventKind.CameraInfo:
                var k = e.K;
                if (!_pairer.TryAddCameraInfo(e.StampNs, e.ParentFrame, e.Width, e.Height, k, out _))
                    _diagnostics.CountDrop(DropCause.InvalidCameraInfo);
                return;
            case InputEventKind.Odometry:
                if (_mounted is not null && e.ChildFrame.Length > 0) _mounted.OdometryChildFrame = e.ChildFrame;
                _odometry.TryAdd(e.StampNs, e.T_parent_child, out outcome);
                break;
            case InputEventKind.Transform:
                _tf.TryAddDynamic(e.StampNs, e.ParentFrame, e.ChildFrame, e.T_parent_child, out outcome);
                break;
            default:
                _tf.TrySetStatic(e.ParentFrame, e.ChildFrame, e.T_parent_child, out outcome);
                break;
        }
        CountPoseOutcome(outcome);
    }

    /// <summary>Validates and pairs <paramref name="image"/>; false with the drop counted when it does not go on.</summary>
    public bool TryPair(in ImageFrame image, out PairedFrame paired)
    {
        var t0 = Stopwatch.GetTimestamp();
        paired = default;
        var encoding = ImageEncodingNames.Parse(image.EncodingName);
        var view = new CameraImage(image.Pixels.Span, image.Width, image.Height, image.Step, encoding, image.IsBigEndian);
        var rejection = view.Validate();
        if (rejection != FrameRejection.None) return Drop(ToCause(rejection));
        var stamp = image.Header.StampNs;
        if (stamp <= _lastImageStampNs) return Drop(DropCause.StampNotIncreasing);
        _lastImageStampNs = stamp;
        if (_minPeriodNs > 0 && _lastAcceptedStampNs != long.MinValue && stamp - _lastAcceptedStampNs < _minPeriodNs)
            return Drop(DropCause.RateLimited);
        paired = _pairer.Pair(new ImageInput(stamp, image.Header.FrameId, image.Width, image.Height));
        switch (paired.Outcome)
        {
            case PairingOutcome.NoCameraInfo: return Drop(DropCause.NoCameraInfo);
            case PairingOutcome.SizeMismatch: return Drop(DropCause.CameraInfoSizeMismatch);
            case PairingOutcome.InvalidImage: return Drop(DropCause.ZeroSizeImage);
            case PairingOutcome.NoPose: _diagnostics.CountPoseFailure(paired.PoseStatus); break;
        }
        _lastAcceptedStampNs = stamp;
        _diagnostics.Latency(PipelineStage.Pairing).RecordSince(t0);
        return true;
    }

    private bool Drop(DropCause cause)
    {
        _diagnostics.CountDrop(cause);
        return false;
    }

    private void CountPoseOutcome(PoseSampleOutcome outcome)
    {
        switch (outcome)
        {
            case PoseSampleOutcome.NonFinite or PoseSampleOutcome.NonUnitQuaternion:
                _diagnostics.CountDrop(DropCause.InvalidPose);
                break;
            case PoseSampleOutcome.StampBackwards or PoseSampleOutcome.DuplicateStamp:
                _diagnostics.CountDrop(DropCause.PoseStampNotIncreasing);
                break;
            case PoseSampleOutcome.InvalidFrameId or PoseSampleOutcome.Loop or PoseSampleOutcome.TooManyFrames or PoseSampleOutcome.StaticEdgeConflict:
                _diagnostics.CountDrop(DropCause.InvalidTransform);
                break;
        }
    }

    private static DropCause ToCause(FrameRejection r) => r switch
    {
        FrameRejection.UnsupportedEncoding => DropCause.UnsupportedEncoding,
        FrameRejection.ZeroSize => DropCause.ZeroSizeImage,
        FrameRejection.StepTooSmall => DropCause.StepTooSmall,
        _ => DropCause.DataTooShort,
    };
}
