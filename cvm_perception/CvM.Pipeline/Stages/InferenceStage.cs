using System.Diagnostics;
using CvM.Inference;
using CvM.Keyframes.Selection;
using CvM.Pipeline.Diagnostics;

namespace CvM.Pipeline.Stages;

/// <summary>
/// Stage 2: pre-processes the frame into a <see cref="ViewCache"/>, selects the two nearest keyframes (or duplicates),
/// runs the model into a pooled <see cref="PerceptionResult"/>, then offers the frame's view to the keyframe ring
/// buffer. Owns the <see cref="CvmModel"/> calls (one thread), the keyframe buffer and the view caches: capacity + 1
/// caches allocated at construction, cycled through a free stack (keyframe evictions come back to it). Allocates
/// nothing per frame.
/// </summary>
internal sealed class InferenceStage : IDisposable
{
    private readonly CvmModel _model;
    private readonly PipelineDiagnostics _diagnostics;
    private readonly KeyframeBuffer<ViewCache> _keyframes;
    private readonly ViewSelector _selector;
    private readonly Stack<ViewCache> _free;

    public InferenceStage(CvmModel model, PipelineOptions options, PipelineDiagnostics diagnostics)
    {
        _model = model;
        _diagnostics = diagnostics;
        var capacity = options.Keyframes.KeyframeCapacity;
        _free = new Stack<ViewCache>(capacity + 1);
        for (var i = 0; i <= capacity; i++) _free.Push(model.CreateViewCache());
        _keyframes = new KeyframeBuffer<ViewCache>(options.Keyframes, v => _free.Push(v));
        _selector = new ViewSelector(options.Keyframes);
    }

    public int KeyframeCount => _keyframes.Count;

    public ViewSelector Selector => _selector;

    /// <summary>Runs one frame into <paramref name="result"/>; false with the drop counted when it fails. Disposes the frame's pixels.</summary>
    public bool TryProcess(in PairedImage job, PerceptionResult result)
    {
        var view = _free.Pop();
        var keep = false;
        try
        {
            var t0 = Stopwatch.GetTimestamp();
            var image = job.Image;
            var pairing = job.Pairing;
            var camera = new CameraImage(image.Pixels.Span, image.Width, image.Height, image.Step,
                ImageEncodingNames.Parse(image.EncodingName), image.IsBigEndian);
            var rejection = _model.PrepareView(camera, pairing.K!, view);
            job.Dispose(); // pixels no longer needed
            if (rejection != FrameRejection.None) return Fail(rejection);
            _diagnostics.Latency(PipelineStage.Preprocess).RecordSince(t0);

            var t1 = Stopwatch.GetTimestamp();
            var selection = pairing.HasPose ? _selector.Select(_keyframes, pairing.StampNs, pairing.T_world_cam) : _selector.SelectWithoutPose();
            _diagnostics.Latency(PipelineStage.ViewSelection).RecordSince(t1);

            var outputs = result.EnsureOutputs(image.Width, image.Height);
            if (selection.Mode == ViewSelectionMode.Duplicate)
            {
                rejection = _model.InferDuplicated(view, outputs);
                result.Source1StampNs = result.Source2StampNs = -1;
            }
            else
            {
                ref readonly var s1 = ref _keyframes[selection.Source1Index];
                ref readonly var s2 = ref _keyframes[selection.Source2Index];
                rejection = _model.Infer(view, pairing.T_world_cam, s1.Payload, s1.T_world_cam, s2.Payload, s2.T_world_cam, outputs);
                result.Source1StampNs = s1.StampNs;
                result.Source2StampNs = s2.StampNs;
            }
            if (rejection != FrameRejection.None) return Fail(rejection);
            var timings = _model.LastTimings;
            _diagnostics.Latency(PipelineStage.Inference).RecordMs(timings.RunMs + timings.FeaturesRunMs);
            _diagnostics.Latency(PipelineStage.Postprocess).RecordMs(timings.PostprocessMs);
            _diagnostics.CountMode(selection.Mode, selection.Reason);

            result.Header = image.Header;
            result.K = pairing.K;
            result.T_world_cam = pairing.T_world_cam;
            result.PoseStatus = pairing.PoseStatus;
            result.Selection = selection;
            result.Timings = timings;
            result.ReceivedTicks = image.ReceivedTicks;

            _diagnostics.RecordFrame(new FrameViews(pairing.StampNs, selection.Mode, selection.Reason, result.Source1StampNs, result.Source2StampNs));

            if (pairing.HasPose) keep = _keyframes.TryInsert(pairing.StampNs, pairing.T_world_cam, view, out _);
            _diagnostics.KeyframeCount = _keyframes.Count;
            _diagnostics.Latency(PipelineStage.PipelineOwn).RecordMs(
                Math.Max(0, Stopwatch.GetElapsedTime(t0).TotalMilliseconds - timings.RunMs - timings.FeaturesRunMs));
            return true;
        }
        finally
        {
            if (!keep) _free.Push(view);
        }
    }

    private bool Fail(FrameRejection rejection)
    {
        _diagnostics.CountDrop(rejection switch
        {
            FrameRejection.UnsupportedEncoding => DropCause.UnsupportedEncoding,
            FrameRejection.ZeroSize => DropCause.ZeroSizeImage,
            FrameRejection.StepTooSmall => DropCause.StepTooSmall,
            FrameRejection.DataTooShort => DropCause.DataTooShort,
            FrameRejection.IntrinsicsSizeMismatch => DropCause.CameraInfoSizeMismatch,
            FrameRejection.InvalidPose => DropCause.InvalidPose,
            _ => DropCause.InferenceError,
        });
        return false;
    }

    public void Dispose() => _keyframes.Dispose();
}
