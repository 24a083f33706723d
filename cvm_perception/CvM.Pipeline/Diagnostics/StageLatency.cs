namespace CvM.Pipeline.Diagnostics;

/// <summary>Latency summary of one stage at snapshot time (milliseconds; NaN percentiles when no sample).</summary>
public sealed record StageLatency(PipelineStage Stage, long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs);
