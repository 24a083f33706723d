using System.Diagnostics;
using System.Globalization;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;
using Xunit.Abstractions;

namespace CvM.Ros.Tests.Interop;

/// <summary>
/// Acceptance 4 of issue 2: 640x480 rgb8 images between our node (Cyclone DDS) and the independent Fast DDS
/// peer, both directions, reliable and best effort, compared byte-exact (FNV-1a of the pixels on each side
/// and every metadata field). A reliable reader of ours against a best-effort Fast DDS writer gets nothing and
/// counts the incompatible QoS. All traffic on 127.0.0.1, a new domain id per test.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class ImageInteropTests(ITestOutputHelper output)
{
    private const int Width = 640;
    private const int Height = 480;
    private const int Count = 30;
    private const string Topic = "/interop/image_raw";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("reliable")]
    [InlineData("best_effort")]
    public void Publish_ToFastDdsSubscriber_ArrivesByteExact(string reliability)
    {
        var (domain, domainText) = LoopbackNodes.NextDomain();
        using var peer = FastDdsPeer.Start("sub-images", "--domain", domainText, "--count", Count.ToString(CultureInfo.InvariantCulture),
            "--reliability", reliability, "--topic", "rt" + Topic, "--timeout", "90", "--stdin-quit");
        peer.WaitForEvent("ready", Wait);

        using var node = LoopbackNodes.CreateNode(domain, "cvm_interop_pub", "/", RosDistro.Jazzy);
        using var publisher = node.CreatePublisher<Image>(Topic, DdsTypeSupport.For<Image>(), Profile(reliability));
        WaitUntil(() => publisher.Writer.MatchedSubscriptions > 0, "our writer to match the Fast DDS reader");
        peer.WaitFor(l => l.GetProperty("event").GetString() == "matched" && l.GetProperty("current").GetInt32() > 0, Wait, "peer reader match");

        var sent = new Dictionary<long, InteropImage>();
        var image = new Image { Width = Width, Height = Height, Encoding = "rgb8", Step = Width * 3, Data = new byte[Width * Height * 3] };
        var random = new Random(20240611);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++)
        {
            random.NextBytes(image.Data);
            var now = DdsReader.NowNs();
            image.Header = new Header(new Time((int)(now / 1_000_000_000), (uint)(now % 1_000_000_000)), "cvm_optical_frame");
            publisher.Publish(image);
            sent[now] = new InteropImage(image.Header.Stamp.Sec, image.Header.Stamp.Nanosec, Width, Height, "rgb8", 0, Width * 3,
                "cvm_optical_frame", image.Data.Length, Fnv1a64.Hex(image.Data));
            Thread.Sleep(TimeSpan.FromSeconds(1.0 / 30) - TimeSpan.FromMilliseconds(2));
        }
        var publishSeconds = watch.Elapsed.TotalSeconds;

        if (reliability == "best_effort")
        {
            // Best effort may lose images; give the stragglers a moment, then stop the peer.
            Thread.Sleep(1000);
            peer.CloseStdin();
        }
        Assert.Equal(0, peer.WaitForExit(TimeSpan.FromSeconds(60)));

        var received = peer.Events("image").Select(InteropImage.FromPeerLine).ToList();
        foreach (var r in received)
        {
            Assert.True(sent.TryGetValue(r.StampNs, out var expected), $"peer received an image we did not send: {r}");
            Assert.Equal(expected, r);
        }
        Assert.Equal(received.Count, received.Select(r => r.StampNs).Distinct().Count());
        if (reliability == "reliable")
        {
            Assert.Equal(Count, received.Count);
            Assert.Equal(sent.Keys.Order(), received.Select(r => r.StampNs)); // in publication order
        }
        else
        {
            Assert.True(received.Count >= Count / 2, $"only {received.Count} of {Count} best-effort images arrived");
        }
        var latencies = peer.Events("image").Select(l => l.GetProperty("latency_us").GetInt64() / 1000.0).ToList();
        output.WriteLine($"C# -> Fast DDS {reliability}: {received.Count}/{Count} images of {Width}x{Height} rgb8 in " +
                         $"{publishSeconds:F2} s; latency stamp->peer take {InteropImage.Percentiles(latencies, "ms")}");
    }

    [Theory]
    [InlineData("reliable")]
    [InlineData("best_effort")]
    public void Subscribe_FromFastDdsPublisher_ArrivesByteExact(string reliability)
    {
        var (domain, domainText) = LoopbackNodes.NextDomain();
        using var node = LoopbackNodes.CreateNode(domain, "cvm_interop_sub", "/", RosDistro.Jazzy);
        using var reader = node.CreateReader(Topic, DdsTypeSupport.For<Image>(), Profile(reliability), new DdsReaderOptions(ChannelCapacity: Count + 8));

        using var peer = FastDdsPeer.Start("pub-images", "--domain", domainText, "--count", Count.ToString(CultureInfo.InvariantCulture),
            "--reliability", reliability, "--topic", "rt" + Topic, "--timeout", "90", "--wait-match", "30", "--settle", "0.2", "--seed", "11",
            "--wait-go", "--warmup", "3");
        // Start only when both sides have matched. A volatile Cyclone reader starts at the newest sample of a
        // non-Cyclone writer until it has seen a heartbeat (Cyclone documents that the first samples after
        // matching may be lost), so the peer first sends small "warmup" images, which we ignore.
        peer.WaitForEvent("waiting_go", Wait);
        WaitUntil(() => reader.MatchedPublications > 0, "our reader to match the Fast DDS writer");
        peer.SendLine("go");

        var received = new List<InteropImage>();
        var latencies = new List<double>();
        var deadline = Stopwatch.StartNew();
        while (received.Count < Count && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (reader.Samples.TryRead(out var sample))
            {
                using (sample)
                {
                    var m = Image.DecodeView(sample.Span, out var pixels);
                    if (m.Header.FrameId == "warmup") continue;
                    received.Add(new InteropImage(m.Header.Stamp.Sec, m.Header.Stamp.Nanosec, m.Width, m.Height, m.Encoding, m.IsBigendian,
                        m.Step, m.Header.FrameId, pixels.Length, Fnv1a64.Hex(pixels)));
                    latencies.Add((sample.ReceivedTimestampNs - received[^1].StampNs) / 1e6);
                }
                continue;
            }
            if (peer.Events("summary").Count > 0 && deadline.Elapsed > TimeSpan.FromSeconds(1) && !reader.Samples.TryPeek(out _))
            {
                // The peer finished; wait a little for samples still in flight, then stop.
                Thread.Sleep(500);
                if (!reader.Samples.TryPeek(out _)) break;
            }
            Thread.Sleep(2);
        }
        Assert.Equal(0, peer.WaitForExit(TimeSpan.FromSeconds(60)));

        var sent = peer.Events("sent").Select(InteropImage.FromPeerLine).ToDictionary(s => s.StampNs);
        Assert.Equal(Count, sent.Count);
        foreach (var r in received)
        {
            Assert.True(sent.TryGetValue(r.StampNs, out var expected), $"we received an image the peer did not send: {r}");
            Assert.Equal(expected, r);
        }
        Assert.Equal(0, reader.DroppedCount);
        Assert.Equal(0, reader.RejectedCount);
        if (reliability == "reliable")
        {
            Assert.True(Count == received.Count, $"missing images: {string.Join(", ", sent.Keys.Order().Select((k, i) => (k, i))
                .Where(p => received.All(r => r.StampNs != p.k)).Select(p => p.i))}");
            Assert.Equal(sent.Keys.Order(), received.Select(r => r.StampNs));
        }
        else
        {
            Assert.True(received.Count >= Count / 2, $"only {received.Count} of {Count} best-effort images arrived");
        }
        output.WriteLine($"Fast DDS -> C# {reliability}: {received.Count}/{Count} images of {Width}x{Height} rgb8; " +
                         $"latency stamp->our take {InteropImage.Percentiles(latencies, "ms")}");
    }

    [Fact]
    public void ReliableReader_BestEffortFastDdsWriter_GetsNothingAndCountsIncompatibleQos()
    {
        var (domain, domainText) = LoopbackNodes.NextDomain();
        using var node = LoopbackNodes.CreateNode(domain, "cvm_interop_qos", "/", RosDistro.Jazzy);
        using var reader = node.CreateReader(Topic, DdsTypeSupport.For<Image>(), QosProfile.Default);
        Assert.Equal(ReliabilityKind.Reliable, reader.Qos.Reliability);

        // The peer publishes without waiting for a match (there will be none), after time to discover us.
        using var peer = FastDdsPeer.Start("pub-images", "--domain", domainText, "--count", "30", "--reliability", "best_effort",
            "--topic", "rt" + Topic, "--timeout", "60", "--wait-match", "0", "--settle", "3");
        WaitUntil(() => reader.RequestedIncompatibleQosCount >= 1, "the incompatible-QoS count of our reliable reader");
        Assert.Equal(0, peer.WaitForExit(TimeSpan.FromSeconds(60)));
        Thread.Sleep(300);

        Assert.Equal(30, peer.Events("sent").Count);
        Assert.True(reader.RequestedIncompatibleQosCount >= 1);
        Assert.Equal(0, reader.MatchedPublications);
        Assert.Equal(0, reader.ReceivedCount);
        Assert.False(reader.Samples.TryPeek(out _));
        // Fast DDS saw the same incompatibility from its side.
        Assert.True(peer.Events("incompatible_qos").Count >= 1, peer.Transcript);
        Assert.Equal(0, peer.Events("summary")[0].GetProperty("matched").GetInt32());
    }

    private static QosProfile Profile(string reliability) =>
        reliability == "reliable" ? QosProfile.Default : QosProfile.SensorData;

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Wait) throw new TimeoutException($"timed out waiting for {what}");
            Thread.Sleep(10);
        }
    }
}
