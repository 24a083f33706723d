using System.Diagnostics;
using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Driver;

/// <summary>
/// The evaluation driver: reads every frame of an <see cref="IEvalFrameSource"/> once, asks each
/// <see cref="IDepthSource"/> for a prediction, and accumulates depth metrics (per frame, mean of frames, pooled),
/// errors binned by depth, multi-view consistency against an earlier frame, and preview copies.
/// Per-frame work reuses buffers allocated on the first frame.
/// </summary>
public static class DepthEvaluationRunner
{
    /// <summary>Runs the evaluation and returns the report data (nothing is written to disk here).</summary>
    /// <exception cref="ArgumentException">No depth source, duplicate source names, or a frame whose arrays do not match its size.</exception>
    public static EvaluationReport Run(IEvalFrameSource frames, IReadOnlyList<IDepthSource> sources, EvaluationOptions options,
        IEvaluationProgress? progress = null)
    {
        options.Validate();
        if (sources.Count == 0) throw new ArgumentException("at least one depth source is needed", nameof(sources));
        if (sources.Select(s => s.Name).Distinct().Count() != sources.Count)
            throw new ArgumentException("depth source names must be distinct", nameof(sources));

        var total = Stopwatch.StartNew();
        var states = sources.Select(s => new SourceState(s, options)).ToArray();
        var gtHistory = new ConsistencyHistory(options.ConsistencyNeighbourOffset);
        var gtConsistency = default(ConsistencySums);
        var previews = new List<PreviewFrame>();
        var previewIndices = PreviewIndices(frames.FrameCount ?? options.ExpectedFrameCountForPreviews, options.PreviewCount);
        int count = 0, withPose = 0;
        progress?.Start(frames.FrameCount);
        foreach (var frame in frames.ReadFrames())
        {
            CheckFrame(frame);
            if (frame.T_world_cam is not null) withPose++;
            var gt = frame.GroundTruthDepthM.Span;
            var gtC = gtHistory.CheckAndStore(frame.Index, gt, true, frame.K, frame.T_world_cam, options.Range);
            gtConsistency.Add(gtC);
            Dictionary<string, float[]>? previewPredictions = previewIndices.Contains(frame.Index) ? [] : null;
            foreach (var state in states)
            {
                var pred = state.Predict(frame, options);
                if (previewPredictions is not null && pred is not null) previewPredictions[state.Source.Name] = pred.ToArray();
            }
            if (previewPredictions is not null)
                previews.Add(new PreviewFrame(frame.Index, frame.K, frame.Rgb8.ToArray(), gt.ToArray(), previewPredictions));
            count++;
            progress?.Report(count);
        }
        progress?.Finish(count);
        total.Stop();
        return new EvaluationReport(frames.Name, count, withPose, options, DateTime.UtcNow, total.Elapsed.TotalSeconds,
            states.Select(s => s.ToResult()).ToArray(), previews, gtConsistency);
    }

    /// <summary>Preview frame indices spread evenly inside the sequence (never frame 0, where temporal sources have nothing).</summary>
    internal static HashSet<int> PreviewIndices(int frameCount, int previewCount)
    {
        var set = new HashSet<int>();
        for (int i = 1; i <= previewCount; i++)
            set.Add(Math.Clamp((int)Math.Round(i * frameCount / (double)(previewCount + 1)), Math.Min(1, frameCount - 1), frameCount - 1));
        return set;
    }

    private static void CheckFrame(EvalFrame frame)
    {
        if (frame.GroundTruthDepthM.Length != frame.PixelCount)
            throw new ArgumentException($"frame {frame.Index}: ground truth has {frame.GroundTruthDepthM.Length} pixels, K says {frame.K.Width}x{frame.K.Height}");
        if (frame.Rgb8.Length != 0 && frame.Rgb8.Length != frame.PixelCount * 3)
            throw new ArgumentException($"frame {frame.Index}: RGB has {frame.Rgb8.Length} bytes, expected {frame.PixelCount * 3}");
    }

    private sealed class SourceState(IDepthSource source, EvaluationOptions options)
    {
        private readonly List<FrameDepthResult> _frames = [];
        private readonly DepthErrorBins _bins = new(options.Range.MinM, options.DepthBinMaxM, options.DepthBinCount);
        private readonly ConsistencyHistory _history = new(options.ConsistencyNeighbourOffset);
        private readonly Stopwatch _predictTime = new();
        private DepthErrorSums _pooled;
        private DepthPixelCounts _counts;
        private ConsistencySums _consistency;
        private float[] _predM = [];
        private bool _reset;

        public IDepthSource Source { get; } = source;

        /// <summary>Evaluates one frame; returns the prediction buffer (owned by this state) or null when skipped.</summary>
        public float[]? Predict(EvalFrame frame, EvaluationOptions options)
        {
            if (!_reset) { Source.Reset(); _reset = true; }
            if (_predM.Length != frame.PixelCount) _predM = new float[frame.PixelCount];
            _predictTime.Start();
            bool ok = Source.TryPredict(frame, _predM);
            _predictTime.Stop();
            var frameSums = default(DepthErrorSums);
            var counts = default(DepthPixelCounts);
            if (ok) counts = DepthEvaluator.Accumulate(frame.GroundTruthDepthM.Span, _predM, options.Range, ref frameSums, _bins);
            var c = _history.CheckAndStore(frame.Index, _predM, ok, frame.K, frame.T_world_cam, options.Range);
            if (ok)
            {
                _pooled.Add(frameSums);
                _counts += counts;
                _consistency.Add(c);
            }
            _frames.Add(new FrameDepthResult(frame.Index, frame.StampNs, ok, frameSums.ToMetrics(), counts, c));
            return ok ? _predM : null;
        }

        public DepthSourceResult ToResult() => new(
            Source.Name, Source.Description, Source.Kind, _frames,
            DepthMetrics.MeanOfFrames(_frames.Where(f => f.Predicted).Select(f => f.Metrics)),
            _pooled.ToMetrics(), _counts, _bins, _consistency, _predictTime.Elapsed.TotalSeconds);
    }
}
