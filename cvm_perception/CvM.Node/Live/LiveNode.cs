using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.Node.Cli;
using CvM.Node.Conversion;
using CvM.Node.Parameters;
using CvM.Pipeline;
using CvM.Pipeline.Diagnostics;
using CvM.Pipeline.Frames;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;

namespace CvM.Node.Live;

/// <summary>
/// The live node: a <see cref="RosNode"/> with readers for image, camera_info, odometry and TF, a live-mode
/// <see cref="PerceptionPipeline"/>, the output publishers and the /diagnostics publisher. Each reader's own thread
/// only copies samples into its bounded channel; pump tasks decode them and post to the pipeline without ever
/// waiting (undecodable images are counted as <see cref="DropCause.ImageDecodeError"/>). Owns everything it creates;
/// <see cref="DisposeAsync"/> stops the pipeline, then the endpoints, then the node. Every reader's counters (taken,
/// queue drops, Cyclone's sample lost and rejected) are registered with the pipeline's diagnostics and so reach
/// <c>/diagnostics</c>.
/// </summary>
public sealed class LiveNode : IAsyncDisposable
{
    private readonly RosNode _node;
    private readonly PerceptionPipeline _pipeline;
    private readonly RosOutputSink _sink;
    private readonly List<DdsReader> _readers = [];
    private readonly DdsPublisher<DiagnosticArray> _diagnostics;
    private readonly DiagnosticsMessageBuilder _diagnosticsBuilder;
    private readonly NodeParameters _parameters;
    private readonly List<Task> _pumps = [];
    private readonly CancellationTokenSource _stop = new();

    private LiveNode(RosNode node, PerceptionPipeline pipeline, RosOutputSink sink, DdsPublisher<DiagnosticArray> diagnostics, NodeParameters parameters)
    {
        _node = node;
        _pipeline = pipeline;
        _sink = sink;
        _diagnostics = diagnostics;
        _diagnosticsBuilder = new DiagnosticsMessageBuilder(node.Name);
        _parameters = parameters;
    }

    /// <summary>The ROS node.</summary>
    public RosNode Node => _node;

    /// <summary>The pipeline.</summary>
    public PerceptionPipeline Pipeline => _pipeline;

    /// <summary>The output publishers.</summary>
    public RosOutputSink Outputs => _sink;

    /// <summary>
    /// Creates the node, configures (model check: start-up errors throw) and activates the pipeline, then subscribes.
    /// <paramref name="frameObserver"/>, when given, sees every result after it was published (on the output stage, lent
    /// for the call only, like any sink).
    /// </summary>
    public static LiveNode Start(NodeSetup setup, TextWriter console, RosNodeOptions? rosOptions = null, IPerceptionSink? frameObserver = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        var options = PipelineOptionsFactory.Create(p, PipelineMode.Live);
        rosOptions ??= new RosNodeOptions(Distro: RosDistro.Resolve(p.Distro.Length > 0 ? p.Distro : null));
        var node = RosNode.FromArguments(NodeSetup.DefaultNodeName, setup.Arguments, rosOptions);
        RosOutputSink? sink = null;
        PerceptionPipeline? pipeline = null;
        DdsPublisher<DiagnosticArray>? diag = null;
        LiveNode? live = null;
        try
        {
            sink = new RosOutputSink(node, p);
            pipeline = new PerceptionPipeline(options, frameObserver is null ? sink : new ObservedSink(sink, frameObserver));
            pipeline.Configure();
            console.WriteLine($"{node.Namespace.TrimEnd('/')}/{node.Name}: model {options.ManifestPath}; execution provider {pipeline.Provider}");
            diag = node.CreatePublisher<DiagnosticArray>("/diagnostics", DdsTypeSupport.For<DiagnosticArray>(), QosProfile.Default);
            live = new LiveNode(node, pipeline, sink, diag, p);
            pipeline.Activate();
            live.Subscribe();
            return live;
        }
        catch
        {
            // Readers already subscribed: disposing them completes their channels, which ends their pumps' waits.
            if (live is not null)
                foreach (var r in live._readers) r.Dispose();
            pipeline?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            diag?.Dispose();
            sink?.Dispose();
            node.Dispose();
            throw;
        }
    }

    private void Subscribe()
    {
        var p = _parameters;
        var imageQos = new QosProfile(RosOutputSink.ParseReliability(p.ImageReliability), DurabilityKind.Volatile, HistoryKind.KeepLast, p.ImageQueueDepth);
        var infoQos = new QosProfile(RosOutputSink.ParseReliability(p.CameraInfoReliability), DurabilityKind.Volatile, HistoryKind.KeepLast, 10);
        var odomQos = new QosProfile(RosOutputSink.ParseReliability(p.OdomReliability), DurabilityKind.Volatile, HistoryKind.KeepLast, p.OdomQueueDepth);
        var tfQos = new QosProfile(ReliabilityKind.BestEffort, DurabilityKind.Volatile, HistoryKind.KeepLast, 100);
        var tfStaticQos = new QosProfile(ReliabilityKind.Reliable, DurabilityKind.TransientLocal, HistoryKind.KeepLast, 100);
        var token = _stop.Token;
        Pump(InputStream.Image, _node.CreateReader(p.ImageTopic, DdsTypeSupport.For<Image>(), imageQos, new DdsReaderOptions(ChannelCapacity: 2)), OnImage, token);
        Pump(InputStream.CameraInfo, _node.CreateReader(p.CameraInfoTopic, DdsTypeSupport.For<CameraInfo>(), infoQos), OnCameraInfo, token);
        if (p.PoseSource == PoseSourceKind.Odom)
            Pump(InputStream.Odometry, _node.CreateReader(p.OdomTopic, DdsTypeSupport.For<Odometry>(), odomQos, new DdsReaderOptions(ChannelCapacity: 64)), OnOdometry, token);
        if (p.PoseSource != PoseSourceKind.None)
        {
            Pump(InputStream.Tf, _node.CreateReader(p.TfTopic, DdsTypeSupport.For<TFMessage>(), tfQos, new DdsReaderOptions(ChannelCapacity: 64)), s => OnTf(s, false), token);
            Pump(InputStream.TfStatic, _node.CreateReader(p.TfStaticTopic, DdsTypeSupport.For<TFMessage>(), tfStaticQos, new DdsReaderOptions(ChannelCapacity: 64)), s => OnTf(s, true), token);
        }
    }

    private void Pump(InputStream stream, DdsReader reader, Action<RawSample> handle, CancellationToken token)
    {
        _readers.Add(reader);
        _pipeline.Diagnostics.RegisterTransport(stream, () =>
        {
            var c = reader.Counters();
            return new TransportCounts(c.Taken, c.ChannelDropped, c.OversizeRejected, c.SampleLost, c.SampleRejected);
        });
        _pumps.Add(Task.Run(async () =>
        {
            try
            {
                // The wait takes no token: a bounded channel reuses one waiter only for waits that cannot be cancelled
                // (a cancellable wait allocates a new one each time it blocks, about once per sample). Stopping ends
                // the wait by disposing the reader, which completes its channel (DisposeAsync disposes the readers
                // before it waits for the pumps); the token is checked between samples.
                var samples = reader.Samples;
                while (!token.IsCancellationRequested && await samples.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    while (!token.IsCancellationRequested && samples.TryRead(out var sample))
                    {
                        using (sample) handle(sample);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                // the reader faulted or was disposed: nothing more will come
            }
        }, CancellationToken.None));
    }

    private void OnImage(RawSample s)
    {
        CvM.Pipeline.Frames.ImageFrame frame;
        try
        {
            frame = MessageConversion.DecodeImage(s.Span);
        }
        catch (CdrException)
        {
            _pipeline.Diagnostics.CountImage();
            _pipeline.Diagnostics.CountDrop(DropCause.ImageDecodeError);
            return;
        }
        if (!_pipeline.TryPostImage(frame)) frame.Dispose();
    }

    private void OnCameraInfo(RawSample s)
    {
        try
        {
            _pipeline.TryPostEvent(MessageConversion.CameraInfoEvent(s.Span));
        }
        catch (CdrException)
        {
            _pipeline.Diagnostics.CountDrop(DropCause.InvalidCameraInfo);
        }
    }

    private void OnOdometry(RawSample s)
    {
        try
        {
            _pipeline.TryPostEvent(MessageConversion.OdometryEvent(s.Span));
        }
        catch (CdrException)
        {
            _pipeline.Diagnostics.CountDrop(DropCause.InvalidPose);
        }
    }

    private void OnTf(RawSample s, bool isStatic)
    {
        try
        {
            var sink = new TransformPoster(_pipeline, isStatic);
            TFMessage.DecodeTransforms(s.Span, ref sink);
        }
        catch (CdrException)
        {
            _pipeline.Diagnostics.CountDrop(DropCause.InvalidTransform);
        }
    }

    /// <summary>Publishes /diagnostics every period until <paramref name="token"/> is cancelled.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_parameters.DiagnosticsPeriodS));
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false)) PublishDiagnostics();
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Publishes one /diagnostics message now.</summary>
    public void PublishDiagnostics()
    {
        NativeHeapTrimmer.TrimIfDue(TimeSpan.FromSeconds(5));
        var now = DateTime.UtcNow - DateTime.UnixEpoch;
        var ns = now.Ticks * 100;
        var header = new Header(new Time((int)(ns / 1_000_000_000L), (uint)(ns % 1_000_000_000L)), string.Empty);
        // The builder's message is reused: build and publish (serialise) it under one lock.
        lock (_diagnosticsBuilder) _diagnostics.Publish(_diagnosticsBuilder.Build(_pipeline.Snapshot(), header, _pipeline.Provider?.ToString() ?? ""));
    }

    /// <summary>Stops the readers' pumps, the pipeline, the publishers and the node.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var r in _readers) r.Dispose();
        _stop.Cancel();
        try
        {
            await Task.WhenAll(_pumps).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await _pipeline.DisposeAsync().ConfigureAwait(false);
        _diagnostics.Dispose();
        _sink.Dispose();
        _node.Dispose();
        _stop.Dispose();
    }

    /// <summary>Posts each decoded transform as a pipeline event (a struct sink: no allocation per message).</summary>
    private readonly struct TransformPoster(PerceptionPipeline pipeline, bool isStatic) : ITransformSink
    {
        public void Add(in Header header, string childFrameId, in Transform transform) =>
            pipeline.TryPostEvent(MessageConversion.TransformEvent(header, childFrameId, transform, isStatic));
    }
}
