using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
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
using CvM.Pipeline;
using CvM.Ros.Arguments;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;
using CvM.Synthetic;
using CvM.TestSupport;

namespace CvM.Node.Tests;

public sealed class LiveNodeLoopbackTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Frames = 10;

    /// <summary>
    /// Depth error bound: 1.5 x the model card's multi-view figures on its synthetic held-out set (AbsRel 0.195, RMSE
    /// 0.450 m over 40 frames at the model's 128x96). This run is 10 frames of another seed at 160x120 (the outputs are
    /// upsampled back from 128x96), so a per-sequence mean may sit somewhat above the 40-frame mean; 1.5x leaves that
    /// room while still failing a broken pipeline (wrong poses, wrong K scaling or swapped views push AbsRel past 0.4).
    /// </summary>
    private const double CardMargin = 1.5;

    [Fact]
    public async Task Node_GeneratedSequenceOverLoopbackDds_EveryOutputWithInputHeaderAndExpectedViews()
    {
        var domain = (uint)DomainIds.Next();
        var ros = new RosNodeOptions(new DdsParticipantOptions(domain, CycloneConfig.Loopback));
        var setup = NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "-p", "device:=cpu",
            "-r", "image:=/cam/image_raw", "-r", "camera_info:=/cam/camera_info"]));
        var observed = new FrameViewsObserver();
        await using var node = LiveNode.Start(setup, TextWriter.Null, ros, observed);
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
            var groundTruth = new List<float[]>();
            var depthErrors = new DepthErrorSums();
            var received = outputs.Select(_ => new List<(long Stamp, string Frame)>()).ToArray();
            for (var i = 0; i < Frames; i++)
            {
                var stamp = 1_700_000_000_000_000_000L + i * 100_000_000L;
                stamps.Add(stamp);
                var header = new Header(new Time((int)(stamp / 1_000_000_000L), (uint)(stamp % 1_000_000_000L)), "cam_optical");
                var T = path.PoseAt(i);
                scene.Render(T, K, fb, noiseSeed: i);
                groundTruth.Add(fb.DepthHW.ToArray());
                info.Publish(DemoBag.Info(header, K));
                var o = new Odometry { Header = header with { FrameId = "odom" }, ChildFrameId = "cam_optical" };
                o.Pose.Pose = new Pose(new Point(T.Translation.X, T.Translation.Y, T.Translation.Z), new Quaternion(T.Rotation.X, T.Rotation.Y, T.Rotation.Z, T.Rotation.W));
                odom.Publish(o);
                await Task.Delay(5); // odometry and camera_info reach the pipeline before the image
                image.Publish(new Image { Header = header, Width = (uint)K.Width, Height = (uint)K.Height, Encoding = "rgb8", Step = (uint)K.Width * 3, Data = fb.RgbHW3.ToArray() });
                // pace like a camera whose frames the node keeps up with: wait for this frame's outputs
                for (var t = 0; t < outputs.Length; t++)
                    received[t].Add(await ReadHeaderAsync(readers[t], t == 1, t == 0 ? (w, h, depth) => depthErrors.Add(depth, groundTruth[i], w, h, K) : null));
            }

            for (var t = 0; t < outputs.Length; t++)
            {
                Assert.Equal(stamps, received[t].Select(r => r.Stamp));
                Assert.All(received[t], r => Assert.Equal("cam_optical", r.Frame));
            }

            // first frame duplicated; every later frame used exactly the two views the baseline rule picks from the
            // known trajectory (nearest by camera-centre distance among keyframes with baseline, angle and age in range)
            var d = node.Pipeline.Diagnostics;
            Assert.Equal(1, d.Duplicated(DuplicateReason.EmptyBuffer));
            var expected = ExpectedViews(path, stamps);
            var views = observed.Frames.ToArray();
            Assert.Equal(stamps, views.Select(v => v.Stamp));
            Assert.Equal((-1L, -1L), (views[0].Source1, views[0].Source2));
            Assert.Equal(expected, views.Select(v => (v.Source1, v.Source2)));
            var multiview = expected.Count(e => e.Source1 >= 0);
            Assert.Equal(multiview, d.Multiview);
            Assert.True(multiview >= Frames / 2, $"{multiview} multi-view frames");

            // depth against the generated ground truth, within the model card's figures
            var card = CardMultiviewSynthetic();
            Assert.True(depthErrors.Pixels > Frames * K.Width * K.Height / 2, $"{depthErrors.Pixels} valid depth pixels");
            output.WriteLine($"{multiview} of {Frames} frames multi-view; depth over {depthErrors.Pixels} pixels: AbsRel {depthErrors.AbsRel:F3} (card {card.AbsRel:F3}), RMSE {depthErrors.Rmse:F3} m (card {card.Rmse:F3} m)");
            Assert.True(depthErrors.AbsRel <= CardMargin * card.AbsRel, $"AbsRel {depthErrors.AbsRel:F3} > {CardMargin} x card {card.AbsRel:F3}");
            Assert.True(depthErrors.Rmse <= CardMargin * card.Rmse, $"RMSE {depthErrors.Rmse:F3} m > {CardMargin} x card {card.Rmse:F3} m");

            node.PublishDiagnostics();
            var diag = await ReadAsync(diagnostics);
            var status = CdrCodec.Deserialize<DiagnosticArray>(diag.Span).Status.Single();
            Assert.Equal(Frames.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Values.Single(v => v.Key == "frames_output").Value);
            Assert.Equal("CPU", status.Values.Single(v => v.Key == "execution_provider").Value);
            // the last frame's views in /diagnostics, as the pipeline ran it
            string V(string key) => status.Values.Single(v => v.Key == key).Value;
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(stamps[^1].ToString(inv), V("last_frame_stamp_ns"));
            Assert.Equal(expected[^1].Source1.ToString(inv), V("last_frame_source1_stamp_ns"));
            Assert.Equal(expected[^1].Source2.ToString(inv), V("last_frame_source2_stamp_ns"));
            Assert.Equal(Frames.ToString(inv), V("transport.image.taken"));
            Assert.Equal("0", V("images_lost_in_transport"));
            diag.Dispose();
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
    }

    /// <summary>
    /// The source stamps each frame should use, from the trajectory alone: keyframes inserted when the camera moved or
    /// turned enough since the newest one (ring of the configured capacity); the sources are the two usable keyframes
    /// nearest by camera-centre distance (ties to the older); with fewer than two the frame is duplicated (-1, -1).
    /// </summary>
    private static List<(long Source1, long Source2)> ExpectedViews(CameraPath path, List<long> stamps)
    {
        var k = new CvM.Node.Parameters.NodeParameters().Keyframes;
        Assert.Equal(CvM.Keyframes.SingleViewPolicy.DuplicateReference, k.SingleViewPolicy);
        var keyframes = new List<int>();
        var expected = new List<(long, long)>();
        for (var i = 0; i < stamps.Count; i++)
        {
            var T = path.PoseAt(i);
            var usable = keyframes
                .Select(j => (j, d: PoseDistance.Between(path.PoseAt(j), T)))
                .Where(x => stamps[i] - stamps[x.j] <= k.MaxKeyframeAgeNs && x.d.CentreDistanceMeters >= k.MinBaselineM
                    && x.d.RotationAngleRadians <= k.MaxViewAngleDeg * Math.PI / 180)
                .OrderBy(x => x.d.CentreDistanceMeters).ThenBy(x => stamps[x.j])
                .ToList();
            expected.Add(usable.Count >= 2 ? (stamps[usable[0].j], stamps[usable[1].j]) : (-1, -1));
            var last = keyframes.Count == 0 ? (PoseDistance?)null : PoseDistance.Between(path.PoseAt(keyframes[^1]), T);
            if (last is null || last.Value.CentreDistanceMeters >= k.KeyframeMinTranslationM || last.Value.RotationAngleRadians >= k.KeyframeMinRotationDeg * Math.PI / 180)
            {
                keyframes.Add(i);
                if (keyframes.Count > k.KeyframeCapacity) keyframes.RemoveAt(0);
            }
        }
        return expected;
    }

    /// <summary>The model card's multi-view depth figures on its synthetic held-out set.</summary>
    private static (double AbsRel, double Rmse) CardMultiviewSynthetic()
    {
        using var card = JsonDocument.Parse(File.ReadAllText(RepoPaths.CommittedManifest));
        var m = card.RootElement.GetProperty("metrics").EnumerateArray()
            .Single(e => e.GetProperty("set").GetString() == "synthetic_heldout" && e.GetProperty("mode").GetString() == "multiview");
        return (m.GetProperty("absRel").GetDouble(), m.GetProperty("rmse").GetDouble());
    }

    private static async Task<(long Stamp, string Frame)> ReadHeaderAsync(DdsReader reader, bool isInfo, Action<int, int, float[]>? depth)
    {
        using var s = await ReadAsync(reader);
        if (isInfo)
        {
            var ih = CdrCodec.Deserialize<CameraInfo>(s.Span).Header;
            return (Conversion.MessageConversion.ToNs(ih.Stamp), ih.FrameId);
        }
        var m = Image.DecodeView(s.Span, out var pixels);
        if (depth is not null)
        {
            Assert.Equal("32FC1", m.Encoding);
            Assert.Equal(m.Width * 4, m.Step);
            depth((int)m.Width, (int)m.Height, MemoryMarshal.Cast<byte, float>(pixels).ToArray());
        }
        return (Conversion.MessageConversion.ToNs(m.Header.Stamp), m.Header.FrameId);
    }

    /// <summary>Records each frame's header stamp and source stamps (the per-frame observer of the live node).</summary>
    private sealed class FrameViewsObserver : IPerceptionSink
    {
        public ConcurrentQueue<(long Stamp, long Source1, long Source2)> Frames { get; } = new();

        public void Write(PerceptionResult result) => Frames.Enqueue((result.Header.StampNs, result.Source1StampNs, result.Source2StampNs));
    }

    /// <summary>Pooled depth errors over pixels whose ground truth is inside the model's depth range [0.3, 10] m and whose prediction is valid.</summary>
    private sealed class DepthErrorSums
    {
        private double _absRel, _sq;

        public long Pixels { get; private set; }

        public double AbsRel => _absRel / Pixels;

        public double Rmse => Math.Sqrt(_sq / Pixels);

        public void Add(float[] predicted, float[] truth, int width, int height, Intrinsics K)
        {
            Assert.Equal((K.Width, K.Height), (width, height));
            Assert.Equal(truth.Length, predicted.Length);
            for (var p = 0; p < truth.Length; p++)
            {
                var g = truth[p];
                if (!(g >= 0.3f && g <= 10f)) continue;
                var e = predicted[p];
                if (!float.IsFinite(e)) continue; // REP 118: NaN marks an invalid prediction; the pixel count bounds these
                _absRel += Math.Abs(e - g) / g;
                _sq += (e - (double)g) * (e - g);
                Pixels++;
            }
        }
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
