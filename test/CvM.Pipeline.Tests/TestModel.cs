namespace CvM.Pipeline.Tests;

/// <summary>The committed model of the repository (models/), which every pipeline test runs.</summary>
internal static class TestModel
{
    public static string ManifestPath => CvM.TestSupport.RepoPaths.CommittedManifest;

    public static PipelineOptions Options(PipelineMode mode) => new()
    {
        Mode = mode,
        ModelPath = ManifestPath,
        Inference = new CvM.Inference.InferenceOptions { Device = CvM.Inference.InferenceDevice.Cpu, IntraOpThreads = 2 },
    };
}
