namespace CvM.Inference;

/// <summary>
/// Wall time of the stages of the last frame, milliseconds: pre-processing (image to tensor, geometry), the
/// per-view feature graph (split models; 0 otherwise), the main ONNX Runtime run, and post-processing to the camera
/// resolution. <see cref="PipelineMs"/> is the time outside ONNX Runtime.
/// </summary>
public readonly record struct StageTimings(double PreprocessMs, double FeaturesRunMs, double RunMs, double PostprocessMs)
{
    /// <summary>Time spent outside ONNX Runtime calls.</summary>
    public double PipelineMs => PreprocessMs + PostprocessMs;

    /// <summary>Everything.</summary>
    public double TotalMs => PreprocessMs + FeaturesRunMs + RunMs + PostprocessMs;
}
