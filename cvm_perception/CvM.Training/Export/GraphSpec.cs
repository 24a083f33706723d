namespace CvM.Training.Export;

/// <summary>One ONNX file of the keyframe-cache export: file name (beside the manifest), SHA-256 and signature.</summary>
public sealed record GraphSpec(string Model, string Sha256, TensorSpec[] Inputs, TensorSpec[] Outputs);
