using CvM.Bags;
using CvM.Messages.SensorMsgs;
using CvM.Node.Demo;

namespace CvM.Node.Tests;

public sealed class ProgramTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = await Program.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("node")]
    [InlineData("replay")]
    [InlineData("eval")]
    [InlineData("bench")]
    public async Task Help_EachVerb_PrintsUsageAndExitsZero(string verb)
    {
        var (code, output, _) = await RunAsync(verb, "--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage: cvm_perception " + verb, output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownVerbOrOption_ExitsTwo()
    {
        Assert.Equal(2, (await RunAsync("fly")).Code);
        Assert.Equal(2, (await RunAsync("replay", "--wat")).Code);
        Assert.Equal(2, (await RunAsync()).Code);
    }

    [Fact]
    public async Task Bench_CommittedModelOnCpu_ReportsBothGraphsTheNewFrameAndWritesJson()
    {
        var dir = Directory.CreateTempSubdirectory("cvm_bench_");
        try
        {
            var json = Path.Combine(dir.FullName, "bench.json");
            var model = CvM.TestSupport.RepoPaths.CommittedModel;
            var (code, output, err) = await RunAsync("bench", "--runs", "3", "--warmup", "1", "--out", json, "--ros-args", "-p", "device:=cpu", "-p", $"model_path:={model}");
            Assert.True(code == 0, err);
            Assert.Contains($"{CvM.TestSupport.RepoPaths.CommittedModelStem}.features.onnx on Cpu (requested Cpu): median", output, StringComparison.Ordinal);
            Assert.Contains($"{CvM.TestSupport.RepoPaths.CommittedModelStem}.onnx on Cpu (requested Cpu): median", output, StringComparison.Ordinal);
            Assert.Contains("nodes off CPUExecutionProvider: none", output, StringComparison.Ordinal);
            Assert.Contains("new frame (features + multi-view, sources cached): median", output, StringComparison.Ordinal);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
            var graphs = doc.RootElement.GetProperty("graphs");
            Assert.Equal(2, graphs.GetArrayLength());
            Assert.All(graphs.EnumerateArray(), g => Assert.Equal("Cpu", g.GetProperty("provider").GetString()));
            Assert.True(doc.RootElement.GetProperty("newFrameMedianMs").GetDouble() > 0);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void NativeLoadFailure_DllNotFoundInsideTypeInitializer_KeepsTheFirstSentenceAndTheLoaderLines()
    {
        var dll = new DllNotFoundException("Unable to load shared library 'OpenCvSharpExtern' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace.\n"
            + "libfreetype.so.6: cannot open shared object file: No such file or directory\n"
            + "libOpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n");
        var wrapped = new TypeInitializationException("OpenCvSharp.Internal.NativeMethods", dll);

        Assert.Equal("Unable to load shared library 'OpenCvSharpExtern' or one of its dependencies.; libfreetype.so.6: cannot open shared object file: No such file or directory; "
            + "libOpenCvSharpExtern.so: cannot open shared object file: No such file or directory", Program.NativeLoadFailure(wrapped));
        Assert.Null(Program.NativeLoadFailure(new InvalidOperationException("x")));
        Assert.Null(Program.NativeLoadFailure(new TypeInitializationException("T", new InvalidOperationException("x"))));
    }

    [Fact]
    public async Task Replay_ModelMissing_StartUpErrorNamingThePath()
    {
        var dir = Directory.CreateTempSubdirectory("cvm_replay_");
        try
        {
            var missing = Path.Combine(dir.FullName, "nope", "model.onnx");
            var (code, _, err) = await RunAsync("replay", "--out", dir.FullName, "--frames", "3", "--no-report", "--ros-args", "-p", $"model_path:={missing}");
            Assert.Equal(1, code);
            Assert.Contains(Path.Combine(dir.FullName, "nope", "model.json"), err, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Replay_EmbeddedDefault_WritesEveryOutputTopicStampedLikeTheInputs()
    {
        var dir = Directory.CreateTempSubdirectory("cvm_replay_");
        try
        {
            var (code, output, err) = await RunAsync("replay", "--out", dir.FullName, "--frames", "6", "--previews-every", "2",
                "--ros-args", "-p", "device:=cpu");
            Assert.True(code == 0, output + err);

            var inputStamps = new List<long>();
            using (var input = BagReader.Open(Path.Combine(dir.FullName, "input_bag")))
                foreach (var m in input.ReadMessages(BagReadFilter.ForTopics(DemoBag.ImageTopic)))
                    inputStamps.Add(Conversion.MessageConversion.ToNs(Image.DecodeView(m.Data.Span, out _).Header.Stamp));
            Assert.Equal(6, inputStamps.Count);

            using var bag = BagReader.Open(Path.Combine(dir.FullName, "output_bag"));
            var counts = bag.CountMessagesByTopic();
            string[] topics = ["/cvm_perception/depth", "/cvm_perception/depth/camera_info", "/cvm_perception/semantics",
                "/cvm_perception/semantics/color", "/cvm_perception/normals", "/cvm_perception/normals/color"];
            foreach (var t in topics) Assert.Equal(6, counts[t]);
            var depthStamps = new List<long>();
            foreach (var m in bag.ReadMessages(BagReadFilter.ForTopics("/cvm_perception/depth")))
            {
                var meta = Image.DecodeView(m.Data.Span, out var pixels);
                Assert.Equal("32FC1", meta.Encoding);
                Assert.Equal(DemoBag.CameraFrame, meta.Header.FrameId);
                Assert.Equal(320u * 240u * 4u, (uint)pixels.Length);
                depthStamps.Add(Conversion.MessageConversion.ToNs(meta.Header.Stamp));
            }
            Assert.Equal(inputStamps, depthStamps);
            Assert.Equal(3, Directory.GetFiles(Path.Combine(dir.FullName, "previews"), "*.png").Length);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "report", "report.json")));
            Assert.Equal(7, File.ReadAllLines(Path.Combine(dir.FullName, "frames.csv")).Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
