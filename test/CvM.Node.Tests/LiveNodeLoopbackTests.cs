using System.Threading.Channels;
using CvM.Geometry;
using CvM.Keyframes.Selection;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Node.Cli;
using CvM.Node.Demo;
using CvM.Node.Live;
using CvM.Ros.Arguments;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;
using CvM.Synthetic;
using CvM.TestSupport;

namespace CvM.Node.Tests;

public sealed class LiveNodeLoopbackTests
{
    private const int Frames = 10;

    [Fact]
    public async Task Node_GeneratedSequenceOverLoopbackDds_EveryOutputWithInputHeaderAndExpectedViews()
    {
        var domain = (uint)DomainIds.Next();
        var ros = new RosNodeOptions(new DdsParticipantOptions(domain, CycloneConfig.Loopback));
        var setup = NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "-p", "device:=cpu",
            "-r", "image:=/cam/image_raw", "-r", "camera_info:=/cam/camera_info"]));
        await using var node = LiveNode.Start(setup, TextWriter.Null, ros);
        using var peer = RosNode.Create("test_peer", "/", ros);

        // the generated sequence: a robot path through a synthetic room
        var scene = SceneGenerator.Create(5);
        var path = CameraPath.Robot(scene, 5, Frames);
        var K = Intrinsics.FromHorizontalFov(60 * Math.PI / 180, 160, 120);
        var fb = new FrameBuffers(K.Width, K.Height);

        using var image = peer.CreatePublisher<Image>("/cam/image_raw", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        using var info = peer.CreatePublisher<CameraInfo>("/cam/camera_info", DdsTypeSupport.For<CameraInfo>(), QosProfile.SensorData);
        using var odom = peer.CreatePublisher<Odometry>("/odom", DdsTypeSupport.For<Odometry>(), QosProfile.Default);
        var outputs = new[] { "depth", "depth/camera_info", "semantics", "semantics/color", "normals", "normals/color" };
        var readers = outputs.Select(t => peer.CreateReader("/cvm_perception/" + t,
            t.EndsWith("camera_info", StringComparison.Ordinal) ? DdsTypeSupport.For<CameraInfo>() : DdsTypeSupport.For<Image>(),
            QosProfile.Default with { Depth = 50 }, new DdsReaderOptions(ChannelCapacity: 64))).ToArray();
        using var diagnostics = peer.CreateReader("/diagnostics", DdsTypeSupport.For<DiagnosticArray>(), QosProfile.Default);
        try
        {
            await WaitAsync(() => image.Writer.MatchedSubscriptions > 0 && odom.Writer.MatchedSubscriptions > 0 && info.Writer.MatchedSubscriptions > 0
                && readers.All(r => r.MatchedPublications > 0), "discovery");

            var stamps = new List<long>();
            var received = outputs.Select(_ => new List<(long Stamp, string Frame)>()).ToArray();
            for (var i = 0; i < Frames; i++)
            {
                var stamp = 1_700_000_000_000_000_000L + i * 100_000_000L;
                stamps.Add(stamp);
                var header = new Header(new Time((int)(stamp / 1_000_000_000L), (uint)(stamp % 1_000_000_000L)), "cam_optical");
                var T = path.PoseAt(i);
                scene.Render(T, K, fb, noiseSeed: i);
                info.Publish(DemoBag.Info(header, K));
                var o = new Odometry { Header = header with { FrameId = "odom" }, ChildFrameId = "cam_optical" };
                o.Pose.Pose = new Pose(new Point(T.Translation.X, T.Translation.Y, T.Translation.Z), new Quaternion(T.Rotation.X, T.Rotation.Y, T.Rotation.Z, T.Rotation.W));
                odom.Publish(o);
                await Task.Delay(5); // odometry and camera_info reach the pipeline before the image
                image.Publish(new Image { Header = header, Width = (uint)K.Width, Height = (uint)K.Height, Encoding = "rgb8", Step = (uint)K.Width * 3, Data = fb.RgbHW3.ToArray() });
                // pace like a camera whose frames the node keeps up with: wait for this frame's outputs
                for (var t = 0; t < outputs.Length; t++) received[t].Add(await ReadHeaderAsync(readers[t], t == 1));
            }

            for (var t = 0; t < outputs.Length; t++)
            {
                Assert.Equal(stamps, received[t].Select(r => r.Stamp));
                Assert.All(received[t], r => Assert.Equal("cam_optical", r.Frame));
            }

            // first frame duplicated; the number of multi-view frames as the baseline rule predicts from the trajectory
            var d = node.Pipeline.Diagnostics;
            Assert.Equal(1, d.Duplicated(DuplicateReason.EmptyBuffer));
            Assert.Equal(ExpectedMultiview(path, node.Pipeline), d.Multiview);
            Assert.True(d.Multiview >= Frames / 2, $"{d.Multiview} multi-view frames");

            node.PublishDiagnostics();
            var diag = await ReadAsync(diagnostics);
            var status = CdrCodec.Deserialize<DiagnosticArray>(diag.Span).Status.Single();
            Assert.Equal(Frames.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Values.Single(v => v.Key == "frames_output").Value);
            Assert.Equal("CPU", status.Values.Single(v => v.Key == "execution_provider").Value);
            diag.Dispose();
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
    }

    private static long ExpectedMultiview(CameraPath path, CvM.Pipeline.PerceptionPipeline pipeline)
    {
        var k = new CvM.Node.Parameters.NodeParameters().Keyframes;
        var keyframes = new List<int>();
        long multiview = 0;
        for (var i = 0; i < Frames; i++)
        {
            var T = path.PoseAt(i);
            var usable = keyframes.Count(j =>
            {
                var d = PoseDistance.Between(path.PoseAt(j), T);
                return (i - j) * 100_000_000L <= k.MaxKeyframeAgeNs && d.CentreDistanceMeters >= k.MinBaselineM && d.RotationAngleRadians <= k.MaxViewAngleDeg * Math.PI / 180;
            });
            if (usable >= 2) multiview++;
            var last = keyframes.Count == 0 ? (PoseDistance?)null : PoseDistance.Between(path.PoseAt(keyframes[^1]), T);
            if (last is null || last.Value.CentreDistanceMeters >= k.KeyframeMinTranslationM || last.Value.RotationAngleRadians >= k.KeyframeMinRotationDeg * Math.PI / 180)
            {
                keyframes.Add(i);
                if (keyframes.Count > k.KeyframeCapacity) keyframes.RemoveAt(0);
            }
        }
        Assert.NotNull(pipeline);
        return multiview;
    }

    private static async Task<(long Stamp, string Frame)> ReadHeaderAsync(DdsReader reader, bool isInfo)
    {
        using var s = await ReadAsync(reader);
        var h = isInfo ? CdrCodec.Deserialize<CameraInfo>(s.Span).Header : Image.DecodeView(s.Span, out _).Header;
        return (Conversion.MessageConversion.ToNs(h.Stamp), h.FrameId);
    }

    private static async Task<RawSample> ReadAsync(DdsReader reader)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.Samples.ReadAsync(cts.Token);
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("timed out waiting for " + what);
    }
}
