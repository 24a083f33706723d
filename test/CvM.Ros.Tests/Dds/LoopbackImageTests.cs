using System.Diagnostics;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Qos;
using Xunit.Abstractions;

namespace CvM.Ros.Tests.Dds;

/// <summary>
/// Acceptance 3: 300 images of 640x480 rgb8 at 30 Hz from a C# publisher to a C# subscriber (two participants on a
/// 127.0.0.1-only domain of their own, in this process, so Cyclone delivers locally). Every received payload is
/// compared byte for byte with an independent re-encoding of the frame it names; latency is publish call (encoding
/// included) to the consumer reading the sample from the channel. p50/p99 go to the test output.
/// </summary>
public sealed class LoopbackImageTests(ITestOutputHelper output)
{
    private const int Frames = 300, Width = 640, Height = 480, Step = Width * 3;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1.0 / 30);

    // 2 s of frames at 30 Hz: room for the consumer (decode + an independent re-encode + compare, about 1 ms per frame
    // when idle) to be descheduled on a loaded 2-core machine without the drop-oldest channel discarding a frame.
    private const int ChannelCapacity = 64;

    [Fact]
    public void Publish_300RgbImagesReliable_AllArriveByteExact()
    {
        var r = Run(QosProfile.Default, "reliable");
        Assert.Equal(Frames, r.Received);
        Assert.Equal(0, r.Mismatched);
        Assert.Equal(0, r.Dropped);
    }

    [Fact]
    public void Publish_300RgbImagesBestEffort_CountedAndByteExact()
    {
        var r = Run(QosProfile.SensorData, "best effort");
        Assert.Equal(0, r.Mismatched);
        Assert.InRange(r.Received, 1, Frames);
    }

    private sealed record Result(int Received, int Mismatched, long Dropped);

    private Result Run(QosProfile qos, string label)
    {
        // The consumer's continuations run on the thread pool; with 2 cores and test threads blocked elsewhere the pool
        // would add threads only every ~0.5 s, which shows up as latency and channel drops that are not the binding's.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
        using var pubP = LoopbackDomain.Participant(LoopbackDomain.NextId());
        using var subP = DdsParticipant.Create(new DdsParticipantOptions(pubP.DomainId, CycloneConfig.Loopback));
        var type = DdsTypeSupport.For<Image>();
        using var reader = subP.CreateRosReader("/camera/image_raw", type, qos, new DdsReaderOptions(ChannelCapacity: ChannelCapacity));
        using var pub = new DdsPublisher<Image>(pubP.CreateRosWriter("/camera/image_raw", type, qos));
        Assert.True(LoopbackDomain.WaitUntil(() => pub.Writer.MatchedSubscriptions == 1 && reader.MatchedPublications == 1, TimeSpan.FromSeconds(10)));

        var sendTicks = new long[Frames];
        var latencyMs = new List<double>(Frames);
        int received = 0, mismatched = 0;
        var consumer = Task.Run(async () =>
        {
            using var expected = new PooledBufferWriter(Step * Height + 256);
            var pixels = new byte[Step * Height];
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await foreach (var s in reader.Samples.ReadAllAsync(cts.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    using (s)
                    {
                        var m = Image.DecodeView(s.Span, out _);
                        var k = m.Header.Stamp.Sec;
                        if (k < 0 || k >= Frames) { mismatched++; continue; }
                        latencyMs.Add(Stopwatch.GetElapsedTime(sendTicks[k], now).TotalMilliseconds);
                        expected.Clear();
                        Fill(pixels, k);
                        Image.Serialize(Metadata(k), pixels, expected);
                        if (!expected.WrittenSpan.SequenceEqual(s.Span)) mismatched++;
                        if (++received == Frames || k == Frames - 1) break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // fewer than all frames arrived (best effort); counted below
            }
        });

        var image = new Image { Height = Height, Width = Width, Encoding = "rgb8", Step = Step, Data = new byte[Step * Height] };
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < Frames; k++)
        {
            var due = Period * k - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) Thread.Sleep(due);
            Fill(image.Data, k);
            image.Header = Metadata(k).Header;
            sendTicks[k] = Stopwatch.GetTimestamp();
            pub.Publish(image);
        }
        Assert.True(consumer.Wait(TimeSpan.FromSeconds(100)), "the consumer did not finish");

        latencyMs.Sort();
        output.WriteLine($"{label}: {received}/{Frames} images of {Width}x{Height} rgb8 at 30 Hz received, {mismatched} not byte-exact, " +
                         $"{reader.DroppedCount} dropped by the channel; latency p50 {Pct(latencyMs, 0.50):F3} ms, p99 {Pct(latencyMs, 0.99):F3} ms, " +
                         $"max {(latencyMs.Count > 0 ? latencyMs[^1] : double.NaN):F3} ms");
        return new Result(received, mismatched, reader.DroppedCount);
    }

    private static ImageMetadata Metadata(int k) =>
        new(new Header(new Time(k, (uint)(k * 1000)), "camera_optical"), Height, Width, "rgb8", 0, Step);

    private static void Fill(byte[] data, int k)
    {
        var seed = (byte)(k * 37 + 11);
        for (var i = 0; i < data.Length; i++) data[i] = (byte)(seed + i * 13 + (i >> 9));
    }

    private static double Pct(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
