namespace CvM.Inference;

/// <summary>
/// Wall time of the stages of the last frame, milliseconds: pre-processing (image to tensor, geometry, copying the
/// views into the bound inputs), the per-view feature graph (split models; 0 otherwise), the main ONNX Runtime run, and
/// post-processing to the camera resolution. <see cref="PipelineMs"/> is the time outside ONNX Runtime. The CPU times
/// are the calling thread's own (they leave out time spent waiting for a core on a loaded machine; NaN where the
/// thread clock is unavailable, 0 when not measured).
/// </summary>
public readonly record struct StageTimings(double PreprocessMs, double FeaturesRunMs, double RunMs, double PostprocessMs)
{
    /// <summary>Time spent outside ONNX Runtime calls.</summary>
    public double PipelineMs => PreprocessMs + PostprocessMs;

    /// <summary>Everything.</summary>
    public double TotalMs => PreprocessMs + FeaturesRunMs + RunMs + PostprocessMs;

    /// <summary>CPU time of the inference thread in pre-processing, milliseconds.</summary>
    public double PreprocessCpuMs { get; init; }

    /// <summary>CPU time of the inference thread in post-processing, milliseconds.</summary>
    public double PostprocessCpuMs { get; init; }

    /// <summary>CPU time of the inference thread outside ONNX Runtime calls.</summary>
    public double PipelineCpuMs => PreprocessCpuMs + PostprocessCpuMs;
}
