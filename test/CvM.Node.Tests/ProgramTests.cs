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
