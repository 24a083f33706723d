using CvM.Inference.Benchmarking;
using CvM.TestSupport;

namespace CvM.Inference.Tests;

/// <summary>The model benchmark behind <c>cvm_perception bench</c>: profile parsing by hand, then a real run on the CPU.</summary>
public sealed class GraphBenchmarkTests
{
    // An ONNX Runtime profile as its CUDA provider writes it (trimmed): two runs, a session event, two CUDA nodes,
    // ORT's copy node, one node on the CPU (a shape computation) and a node event that is not a kernel time.
    private const string Profile = """
        [
          {"cat":"Session","name":"model_run","dur":900,"args":{}},
          {"cat":"Node","name":"enc/conv1_kernel_time","dur":300,"args":{"op_name":"Conv","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","name":"enc/conv1_fence_before","dur":1,"args":{"op_name":"Conv"}},
          {"cat":"Node","name":"heads/depth_kernel_time","dur":100,"args":{"op_name":"Sigmoid","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","name":"Memcpy_token_1_kernel_time","dur":40,"args":{"op_name":"MemcpyFromHost","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","name":"cv/shape_kernel_time","dur":20,"args":{"op_name":"Shape","provider":"CPUExecutionProvider"}},
          {"cat":"Node","name":"enc/conv1_kernel_time","dur":500,"args":{"op_name":"Conv","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","name":"heads/depth_kernel_time","dur":100,"args":{"op_name":"Sigmoid","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","name":"Memcpy_token_1_kernel_time","dur":40,"args":{"op_name":"MemcpyFromHost","provider":"CUDAExecutionProvider"}},
          {"cat":"Node","name":"cv/shape_kernel_time","dur":20,"args":{"op_name":"Shape","provider":"CPUExecutionProvider"}}
        ]
        """;

    [Fact]
    public void Parse_MixedProviders_CountsNodesOncePerRunAndListsTheCpuFallbacks()
    {
        var (parts, placement) = GraphBenchmark.Parse(Profile, runs: 2, "CUDAExecutionProvider");

        Assert.Equal(3, placement.NodesPerProvider["CUDAExecutionProvider"]);
        Assert.Equal(1, placement.NodesPerProvider["CPUExecutionProvider"]);
        Assert.Equal(["Shape cv/shape"], placement.OffProviderNodes);
        // Microseconds summed over both runs, per run, in ms: enc (300 + 500) / 2 = 400 us.
        Assert.Equal(0.4, parts["enc/"], 6);
        Assert.Equal(0.1, parts["heads/"], 6);
        Assert.Equal(0.02, parts["cv/"], 6);
        Assert.Equal(0.04, parts["other"], 6);
    }

    [Fact]
    public void Parse_CpuSession_CpuNodesAreNotOffProvider()
    {
        var (_, placement) = GraphBenchmark.Parse(Profile, runs: 2, "CPUExecutionProvider");
        Assert.Equal(["Conv enc/conv1", "MemcpyFromHost Memcpy_token_1", "Sigmoid heads/depth"], placement.OffProviderNodes);
    }

    [SkippableFact]
    public void Run_CommittedFeatureGraphOnCpu_TimesEveryRunAndPlacesEveryNodeOnTheCpu()
    {
        var manifestPath = RepoPaths.CommittedManifest;
        Skip.IfNot(File.Exists(manifestPath), "no model committed in models/");
        var manifest = ModelManifestLoader.Load(manifestPath);
        Skip.If(manifest.Split is null, "the committed model is not split");
        var graph = ModelManifestLoader.ModelPath(manifestPath, manifest.Split!.Features.Model);

        var r = GraphBenchmark.Run(graph, new InferenceOptions { Device = InferenceDevice.Cpu }, runs: 5, warmup: 1);

        Assert.Equal(ExecutionProvider.Cpu, r.Selection.Provider);
        Assert.Equal(5, r.Runs);
        Assert.True(r.MinMs > 0 && r.MinMs <= r.MedianMs && r.MedianMs <= r.P90Ms, $"min {r.MinMs}, median {r.MedianMs}, p90 {r.P90Ms}");
        Assert.True(r.PartMsPerRun.GetValueOrDefault("enc/") > 0, "the encoder's nodes are profiled");
        Assert.Empty(r.Placement.OffProviderNodes);
        Assert.True(r.Placement.NodesPerProvider["CPUExecutionProvider"] > 10);
    }
}
