using CvM.Inference.Internal;
using Xunit.Abstractions;

namespace CvM.Inference.Tests;

/// <summary>
/// The CUDA attempt of <see cref="OrtSessionFactory"/>: once per process and device, silent on stderr when it fails.
/// In the non-parallel collection because it redirects the process's stderr while it probes.
/// </summary>
[Collection(nameof(CostCollection))]
public sealed class CudaProbeTests(ITestOutputHelper log)
{
    [Fact]
    public void Create_SeveralAutoSessions_CudaTriedOnceWhenUnavailableWithTheSameReason()
    {
        using var dir = new TempDir();
        FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var model = dir.File("fixture.onnx");
        var probe = new CudaProbe();
        var selections = new List<ProviderSelection>();
        for (var i = 0; i < 3; i++)
        {
            using var s = OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Auto, IntraOpThreads = 1 }, probe, out var sel);
            selections.Add(sel);
        }
        if (selections[0].Provider == ExecutionProvider.Cuda)
        {
            // A success is not remembered: each session is a real CUDA session.
            Assert.All(selections, s => Assert.Equal(ExecutionProvider.Cuda, s.Provider));
            Assert.Equal(3, probe.Attempts);
            return;
        }
        Assert.Equal(1, probe.Attempts);
        Assert.All(selections, s => Assert.Equal(selections[0], s));
        Assert.True(selections[0].FellBack);
        // An explicit cuda request after the failure throws with the remembered reason, without another attempt.
        var e = Assert.Throws<CudaUnavailableException>(() => OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Cuda }, probe, out _));
        Assert.EndsWith(e.Reason, selections[0].FallbackReason);
        Assert.Equal(1, probe.Attempts);
        // Another device is another attempt.
        using (OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Auto, CudaDeviceId = 1, IntraOpThreads = 1 }, probe, out _)) { }
        Assert.Equal(2, probe.Attempts);
    }

    [SkippableFact]
    public void Create_CudaUnavailable_NothingOnStderrAndReasonNamesTheLoaderError()
    {
        using var dir = new TempDir();
        FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var model = dir.File("fixture.onnx");
        ProviderSelection sel;
        var capture = new NativeStderrCapture();
        try
        {
            using var s = OrtSessionFactory.Create(model, new InferenceOptions { Device = InferenceDevice.Auto, IntraOpThreads = 1 }, new CudaProbe(), out sel);
        }
        finally
        {
            capture.Dispose();
        }
        log.WriteLine($"selection: {sel}; stderr: [{capture.Text}]");
        Skip.If(sel.Provider == ExecutionProvider.Cuda, "the CUDA provider loads on this machine");
        Assert.DoesNotContain("onnxruntime", capture.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, capture.Text.Trim());
        Assert.Contains("CUDA", sel.FallbackReason);
        // Where the provider library ships but its dependencies are missing (this machine), the loader names them.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime_providers_cuda.so")))
            Assert.Matches(@"libonnxruntime_providers_cuda\.so: \S+\.so", sel.FallbackReason);
    }

    [Fact]
    public void Create_AfterProbe_OrtLogLevelRestored()
    {
        var env = Microsoft.ML.OnnxRuntime.OrtEnv.Instance();
        var before = env.EnvLogLevel;
        using var dir = new TempDir();
        FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        using (OrtSessionFactory.Create(dir.File("fixture.onnx"), new InferenceOptions { Device = InferenceDevice.Auto, IntraOpThreads = 1 }, new CudaProbe(), out _)) { }
        Assert.Equal(before, env.EnvLogLevel);
    }
}
