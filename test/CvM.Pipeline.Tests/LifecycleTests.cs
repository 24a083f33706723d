using CvM.Inference;

namespace CvM.Pipeline.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void Configure_ModelFileMissing_ThrowsNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cvm_missing_" + Guid.NewGuid().ToString("N"), "model.onnx");
        var p = new PerceptionPipeline(TestModel.Options(PipelineMode.Live) with { ModelPath = missing }, new CollectingSink());
        var e = Assert.Throws<ModelManifestException>(p.Configure);
        Assert.Contains(Path.ChangeExtension(missing, ".json"), e.Message, StringComparison.Ordinal);
        Assert.Equal(PipelineState.Unconfigured, p.State);
    }

    [Fact]
    public void Configure_ModelNotMatchingManifest_ThrowsNamingThePath()
    {
        var dir = Directory.CreateTempSubdirectory("cvm_model_");
        try
        {
            var src = Path.GetDirectoryName(TestModel.ManifestPath)!;
            File.Copy(TestModel.ManifestPath, Path.Combine(dir.FullName, CvM.TestSupport.RepoPaths.CommittedModelStem + ".json"));
            var bytes = File.ReadAllBytes(Path.Combine(src, CvM.TestSupport.RepoPaths.CommittedModelStem + ".onnx"));
            bytes[^10] ^= 0x5a;
            var model = Path.Combine(dir.FullName, CvM.TestSupport.RepoPaths.CommittedModelStem + ".onnx");
            File.WriteAllBytes(model, bytes);
            var p = new PerceptionPipeline(TestModel.Options(PipelineMode.Live) with { ModelPath = model }, new CollectingSink());
            var e = Assert.Throws<ModelManifestException>(p.Configure);
            Assert.Contains(model, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Lifecycle_Transitions_FollowManagedNodeOrder()
    {
        var p = new PerceptionPipeline(TestModel.Options(PipelineMode.Live), new CollectingSink());
        Assert.Throws<InvalidOperationException>(p.Activate);
        p.Configure();
        Assert.Equal(PipelineState.Inactive, p.State);
        Assert.Throws<InvalidOperationException>(p.Configure);
        p.Activate();
        Assert.Equal(PipelineState.Active, p.State);
        Assert.Throws<InvalidOperationException>(p.Cleanup);
        await p.DeactivateAsync();
        p.Activate();
        await p.DeactivateAsync();
        p.Cleanup();
        Assert.Equal(PipelineState.Unconfigured, p.State);
        await p.DisposeAsync();
        Assert.Equal(PipelineState.Finalized, p.State);
    }

    [Fact]
    public async Task Configure_DeviceAutoWithoutCuda_ReportsCpuProvider()
    {
        var p = new PerceptionPipeline(TestModel.Options(PipelineMode.Live) with { Inference = new InferenceOptions { Device = InferenceDevice.Auto } }, new CollectingSink());
        p.Configure();
        try
        {
            var expected = p.Provider!.Provider == ExecutionProvider.Cuda ? "CUDA" : "CPU";
            Assert.Equal(expected, p.Snapshot().ExecutionProvider);
            if (p.Provider.Provider == ExecutionProvider.Cpu) Assert.NotNull(p.Provider.FallbackReason);
        }
        finally
        {
            await p.DisposeAsync();
        }
    }
}
