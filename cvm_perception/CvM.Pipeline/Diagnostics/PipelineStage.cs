namespace CvM.Pipeline.Diagnostics;

/// <summary>Timed parts of the pipeline (one latency histogram each).</summary>
public enum PipelineStage
{
    /// <summary>Image validation and pairing with camera_info and pose.</summary>
    Pairing,

    /// <summary>Keyframe insertion and two-nearest-view selection.</summary>
    ViewSelection,

    /// <summary>Pre-processing into the model's input tensors.</summary>
    Preprocess,

    /// <summary>The ONNX Runtime call itself.</summary>
    Inference,

    /// <summary>Post-processing to camera resolution (depth, labels, normals, colour maps).</summary>
    Postprocess,

    /// <summary>Handing the result to the sink (publishing or bag writing).</summary>
    Output,

    /// <summary>From the transport receiving the image to the sink having taken the outputs.</summary>
    EndToEnd,

    /// <summary>
    /// The pipeline's own work on a frame outside the ONNX Runtime calls: pre-processing (including loading the bound
    /// inputs), view selection, post-processing and keyframe insertion (wall time; pairing and the sink are timed apart).
    /// </summary>
    PipelineOwn,
}
