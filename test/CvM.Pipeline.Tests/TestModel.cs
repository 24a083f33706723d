namespace CvM.Pipeline.Tests;

/// <summary>The committed model of the repository (models/), which every pipeline test runs.</summary>
internal static class TestModel
{
    public static string ManifestPath => Path.Combine(CvM.TestSupport.RepoPaths.Root, "models", "cvm_96x128.json");

    public static PipelineOptions Options(PipelineMode mode) => new()
    {
        Mode = mode,
        ModelPath = ManifestPath,
        Inference = new CvM.Inference.InferenceOptions { Device = CvM.Inference.InferenceDevice.Cpu, IntraOpThreads = 2 },
    };
}
