using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Qos;

namespace CvM.Benchmarks;

/// <summary>
/// Issue 2 acceptance 9 (loopback part): throughput of our pub/sub for 640x480 rgb8 images, C# publisher to C#
/// subscriber in one process on a 127.0.0.1-only domain (typed publish = encode into the pooled buffer + raw write;
/// reader thread takecdr + copy into a pooled buffer + bounded channel; consumer disposes each sample), next to
/// Cyclone's own <c>ddsperf -L pub size S sub waitset</c> (same process, same payload size, same config) run by the
/// <see cref="LoopbackRatioColumn"/> in the same BenchmarkDotNet run. One operation = one image delivered.
/// Run: <c>dotnet run -c Release --project bench/CvM.Benchmarks -- --filter '*LoopbackThroughput*'</c>.
/// </summary>
[Config(typeof(LoopbackConfig))]
public class LoopbackThroughputBenchmarks
{
    /// <summary>Images per benchmark invocation.</summary>
    public const int Batch = 64;

    internal const int Width = 640, Height = 480, Step = Width * 3;

    private DdsParticipant? _participant;
    private DdsReader? _reader;
    private DdsPublisher<Image>? _publisher;
    private Image _image = new();
    private Thread? _consumer;
    private long _consumed, _consumedBytes, _payloadSize;
    private volatile bool _stop;
    private long _target = long.MaxValue;
    private readonly ManualResetEventSlim _reached = new(false);

    /// <summary>The domain id used: <c>CVM_BENCH_DOMAIN</c> or 200 + pid % 30.</summary>
    internal static uint DomainId =>
        uint.TryParse(Environment.GetEnvironmentVariable("CVM_BENCH_DOMAIN"), out var d) ? d : (uint)(200 + Environment.ProcessId % 30);

    [GlobalSetup]
    public void Setup()
    {
        _participant = DdsParticipant.Create(new DdsParticipantOptions(DomainId, CycloneConfig.Loopback));
        var type = DdsTypeSupport.For<Image>();
        var qos = new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepLast, Batch);
        _reader = _participant.CreateRosReader("/bench/image", type, qos, new DdsReaderOptions(ChannelCapacity: Batch * 2));
        _publisher = new DdsPublisher<Image>(_participant.CreateRosWriter("/bench/image", type, qos));
        var deadline = Stopwatch.StartNew();
        while (_publisher.Writer.MatchedSubscriptions == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(10);
        _image = new Image
        {
            Header = new Header(new Time(1, 2), "camera_optical"),
            Height = Height,
            Width = Width,
            Encoding = "rgb8",
            Step = Step,
            Data = new byte[Step * Height],
        };
        new Random(42).NextBytes(_image.Data);
        _payloadSize = CvM.Messages.Cdr.CdrCodec.SerializeToArray(_image).Length;
        var reader = _reader;
        _consumer = new Thread(() =>
        {
            var samples = reader.Samples;
            while (!_stop)
            {
                while (samples.TryRead(out var s))
                {
                    Interlocked.Add(ref _consumedBytes, s.Length);
                    s.Dispose();
                    if (Interlocked.Increment(ref _consumed) >= Interlocked.Read(ref _target)) _reached.Set();
                }
                if (!samples.WaitToReadAsync().AsTask().Wait(200) && samples.Completion.IsCompleted) break;
            }
        })
        { IsBackground = true, Name = "bench consumer" };
        _consumer.Start();
    }

    /// <summary>Publishes <see cref="Batch"/> images and waits until the consumer has received all of them.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long PublishAndReceive640x480Rgb8()
    {
        var target = Interlocked.Read(ref _consumed) + Batch;
        _reached.Reset();
        Interlocked.Exchange(ref _target, target);
        for (var i = 0; i < Batch; i++) _publisher!.Publish(_image);
        while (!_reached.Wait(1000))
            if (_reader!.DroppedCount != 0 || Interlocked.Read(ref _consumed) >= target) break;
        if (_reader!.DroppedCount != 0) throw new InvalidOperationException($"{_reader.DroppedCount} images dropped by the channel");
        return target;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var consumed = Interlocked.Read(ref _consumed);
        Console.WriteLine($"// consumed {consumed} images, {Interlocked.Read(ref _consumedBytes)} bytes ({_payloadSize} per image), " +
                          $"channel drops {_reader?.DroppedCount}");
        if (Interlocked.Read(ref _consumedBytes) != consumed * _payloadSize)
            throw new InvalidOperationException("received byte count does not match the images published");
        _stop = true;
        _publisher?.Dispose();
        _reader?.Dispose();
        _consumer?.Join(TimeSpan.FromSeconds(2));
        _participant?.Dispose();
    }

    /// <summary>Adds the ddsperf reference and ratio columns.</summary>
    private sealed class LoopbackConfig : ManualConfig
    {
        public LoopbackConfig() => AddColumn(new LoopbackRatioColumn(isRatio: false), new LoopbackRatioColumn(isRatio: true));
    }
}
