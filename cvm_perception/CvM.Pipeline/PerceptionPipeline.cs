using System.Diagnostics;
using System.Threading.Channels;
using CvM.Inference;
using CvM.Pipeline.Diagnostics;
using CvM.Pipeline.Frames;
using CvM.Pipeline.Stages;

namespace CvM.Pipeline;

/// <summary>
/// The perception pipeline: pairing -&gt; keyframes/view selection + inference -&gt; output, joined by bounded
/// <see cref="Channel{T}"/>s. <see cref="PipelineMode.Live"/>: every channel drops its oldest item when full (counted by
/// cause), so posting never blocks and the newest frame is served; poses, transforms and camera_infos travel on a
/// side channel drained before each image. <see cref="PipelineMode.Replay"/>: one ordered input channel, and every
/// channel waits for room, so nothing is dropped for lack of space.
/// <para>
/// Lifecycle (ROS managed-node style): <see cref="Configure"/> opens the model (start-up errors throw here: a missing
/// model or one not matching its manifest names the path) and allocates buffers; <see cref="Activate"/> starts the
/// stages; <see cref="DeactivateAsync"/> completes the input and waits for the stages to drain; <see cref="Cleanup"/>
/// releases the model; <see cref="DisposeAsync"/> shuts everything down.
/// </para>
/// Ownership: images posted belong to the pipeline from then on (also when dropped); results are lent to the sink.
/// The post methods are thread-safe; lifecycle calls must not race each other.
/// </summary>
public sealed class PerceptionPipeline : IAsyncDisposable
{
    private readonly PipelineOptions _options;
    private readonly IPerceptionSink _sink;
    private readonly Lock _resultGate = new();
    private readonly long _poseWaitTicks;
    private CvmModel? _model;
    private PairingStage? _pairing;
    private InferenceStage? _inference;
    // A FIFO, so warm-up cycles (and sizes) every pooled result; a LIFO would keep reusing two and size a third
    // only when the output first backs up, allocating a whole result set in steady state.
    private Queue<PerceptionResult>? _results;
    private Channel<InputItem>? _input;
    private Channel<InputEvent>? _events;
    private Channel<PairedImage>? _paired;
    private Channel<PerceptionResult>? _output;
    private Task? _running;
    private CancellationTokenSource? _stop;

    /// <summary>Creates an unconfigured pipeline writing into <paramref name="sink"/> (validates the options).</summary>
    public PerceptionPipeline(PipelineOptions options, IPerceptionSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        _options = options;
        _sink = sink;
        _poseWaitTicks = (long)(options.Keyframes.PoseWaitNs * (Stopwatch.Frequency / 1e9));
    }

    /// <summary>The lifecycle state.</summary>
    public PipelineState State { get; private set; } = PipelineState.Unconfigured;

    /// <summary>Channel mode.</summary>
    public PipelineMode Mode => _options.Mode;

    /// <summary>Counters, latencies and modes.</summary>
    public PipelineDiagnostics Diagnostics { get; } = new();

    /// <summary>The execution provider chosen at configure (null before).</summary>
    public ProviderSelection? Provider => _model?.Provider;

    /// <summary>The model (null unless configured).</summary>
    public CvmModel? Model => _model;

    /// <summary>A snapshot of the diagnostics.</summary>
    public DiagnosticsSnapshot Snapshot() => Diagnostics.Snapshot(State, Mode);

    /// <summary>Unconfigured -&gt; Inactive: opens the model and allocates the stages' buffers.</summary>
    /// <exception cref="ModelManifestException">The model or manifest is missing, does not match, or cannot be loaded.</exception>
    /// <exception cref="CudaUnavailableException">Device cuda was requested and CUDA does not load.</exception>
    public void Configure()
    {
        Expect(PipelineState.Unconfigured, "configure");
        var model = CvmModel.Open(_options.ManifestPath, _options.Inference);
        try
        {
            _pairing = new PairingStage(_options, Diagnostics);
            _inference = new InferenceStage(model, _options, Diagnostics);
            _results = new Queue<PerceptionResult>();
            for (var i = 0; i < _options.QueueCapacity + 2; i++) _results.Enqueue(new PerceptionResult());
        }
        catch
        {
            model.Dispose();
            throw;
        }
        _model = model;
        Diagnostics.ExecutionProvider = model.Provider.Provider == ExecutionProvider.Cuda ? "CUDA" : "CPU";
        State = PipelineState.Inactive;
    }

    /// <summary>Inactive -&gt; Active: creates the channels and starts the stages.</summary>
    public void Activate()
    {
        Expect(PipelineState.Inactive, "activate");
        var live = _options.Mode == PipelineMode.Live;
        var cap = _options.QueueCapacity;
        _input = Bounded<InputItem>(live ? cap : Math.Max(cap, 4), item =>
        {
            Diagnostics.CountDrop(DropCause.ImageQueueFull);
            item.Dispose();
        });
        _events = Bounded<InputEvent>(_options.EventQueueCapacity, _ => Diagnostics.CountDrop(DropCause.EventQueueFull));
        _paired = Bounded<PairedImage>(cap, job =>
        {
            Diagnostics.CountDrop(DropCause.InferenceQueueFull);
            job.Dispose();
        });
        _output = Bounded<PerceptionResult>(cap, result =>
        {
            Diagnostics.CountDrop(DropCause.OutputQueueFull);
            ReturnResult(result);
        });
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        var pairing = Task.Run(() => RunPairingAsync(token), CancellationToken.None);
        var inference = Task.Run(() => RunInferenceAsync(token), CancellationToken.None);
        var output = Task.Run(() => RunOutputAsync(token), CancellationToken.None);
        _running = Task.WhenAll(pairing, inference, output);
        State = PipelineState.Active;
    }

    /// <summary>
    /// Live: posts an image without ever blocking (a full channel drops its oldest image, counted). Replay: false when
    /// the channel is full (use <see cref="PostImageAsync"/>). False also when not active; the caller then still owns
    /// the pixels. Counts the image as received either way.
    /// </summary>
    public bool TryPostImage(ImageFrame image)
    {
        Diagnostics.CountImage();
        return _input is { } c && State == PipelineState.Active && c.Writer.TryWrite(new InputItem(true, image, default));
    }

    /// <summary>Posts an image, waiting for room in replay mode. The pipeline owns the pixels once this completes.</summary>
    /// <exception cref="InvalidOperationException">The pipeline is not active.</exception>
    public async ValueTask PostImageAsync(ImageFrame image, CancellationToken cancellationToken = default)
    {
        Diagnostics.CountImage();
        var c = _input ?? throw new InvalidOperationException("the pipeline is not active");
        await c.Writer.WriteAsync(new InputItem(true, image, default), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Live: posts a pose, transform or camera_info on the side channel (never blocks). Replay: false when full.</summary>
    public bool TryPostEvent(in InputEvent e)
    {
        if (State != PipelineState.Active) return false;
        return _options.Mode == PipelineMode.Live
            ? _events!.Writer.TryWrite(e)
            : _input!.Writer.TryWrite(new InputItem(false, default, e));
    }

    /// <summary>Posts a pose, transform or camera_info, in order with the images in replay mode (waits for room).</summary>
    public async ValueTask PostEventAsync(InputEvent e, CancellationToken cancellationToken = default)
    {
        if (_options.Mode == PipelineMode.Live)
        {
            TryPostEvent(e);
            return;
        }
        var c = _input ?? throw new InvalidOperationException("the pipeline is not active");
        await c.Writer.WriteAsync(new InputItem(false, default, e), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Active -&gt; Inactive: completes the input and waits until every stage has drained (in replay every posted frame
    /// has reached the sink when this returns). Keyframes are kept for a later <see cref="Activate"/>.
    /// </summary>
    public async Task DeactivateAsync()
    {
        Expect(PipelineState.Active, "deactivate");
        _input!.Writer.TryComplete();
        _events!.Writer.TryComplete();
        await _running!.ConfigureAwait(false);
        _stop!.Dispose();
        _stop = null;
        _running = null;
        State = PipelineState.Inactive;
    }

    /// <summary>Inactive -&gt; Unconfigured: releases the model, keyframes and result buffers.</summary>
    public void Cleanup()
    {
        Expect(PipelineState.Inactive, "cleanup");
        ReleaseResources();
        State = PipelineState.Unconfigured;
    }

    /// <summary>Any state -&gt; Finalized: stops the stages (cancelling work in flight) and releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        if (State == PipelineState.Finalized) return;
        if (State == PipelineState.Active)
        {
            _stop!.Cancel();
            _input!.Writer.TryComplete();
            _events!.Writer.TryComplete();
            try
            {
                await _running!.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }
        ReleaseResources();
        State = PipelineState.Finalized;
    }

    private void ReleaseResources()
    {
        _inference?.Dispose();
        _inference = null;
        _pairing = null;
        if (_results is not null)
            foreach (var r in _results) r.Dispose();
        _results = null;
        _model?.Dispose();
        _model = null;
    }

    private async Task RunPairingAsync(CancellationToken token)
    {
        var input = _input!.Reader;
        var events = _events!.Reader;
        var paired = _paired!.Writer;
        try
        {
            // Waits pass no token: a cancellable wait allocates a waiter every time it blocks (once per frame), while
            // the uncancellable one reuses the channel's. Stopping completes the input, which ends the wait; the token
            // is checked between items.
            while (await input.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                while (!token.IsCancellationRequested && input.TryRead(out var item))
                {
                    while (events.TryRead(out var e)) _pairing!.Apply(e);
                    if (!item.IsImage)
                    {
                        _pairing!.Apply(item.Event);
                        continue;
                    }
                    if (_options.Mode == PipelineMode.Live) WaitForOdometry(item.Image, events, token);
                    if (!_pairing!.TryPair(item.Image, out var pairing))
                    {
                        item.Dispose();
                        continue;
                    }
                    var job = new PairedImage(item.Image, pairing, Stopwatch.GetTimestamp());
                    if (_options.Mode == PipelineMode.Live) paired.TryWrite(job);
                    else await paired.WriteAsync(job, token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            while (input.TryRead(out var left)) left.Dispose();
            paired.TryComplete();
        }
    }

    /// <summary>
    /// Live: the image and its odometry come on separate readers, so the image is often first. While the odometry
    /// that brackets its stamp is still due, apply events as they come, until <c>keyframes.pose_wait</c> after the
    /// image was received (a bounded tf2-message-filter wait; a timeout then pairs it as duplicated, counted).
    /// Polls the event channel every millisecond on the pairing thread; allocates nothing.
    /// </summary>
    private void WaitForOdometry(in ImageFrame image, ChannelReader<InputEvent> events, CancellationToken token)
    {
        var stamp = image.Header.StampNs;
        if (_poseWaitTicks <= 0 || !_pairing!.AwaitsOdometry(stamp)) return;
        var deadline = image.ReceivedTicks + _poseWaitTicks;
        while (!token.IsCancellationRequested)
        {
            // Events first, the deadline after: a sample that came while this thread slept (or waited to be scheduled
            // on a loaded machine) past the deadline is still applied, since it is already here.
            if (events.TryRead(out var e))
            {
                _pairing.Apply(e);
                if (!_pairing.AwaitsOdometry(stamp)) return;
                continue;
            }
            if (Stopwatch.GetTimestamp() >= deadline) return;
            Thread.Sleep(1);
        }
    }

    private async Task RunInferenceAsync(CancellationToken token)
    {
        var paired = _paired!.Reader;
        var output = _output!.Writer;
        try
        {
            // No token on the wait (see RunPairingAsync): the pairing stage completes this channel when it stops.
            while (await paired.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                while (!token.IsCancellationRequested && paired.TryRead(out var job))
                {
                    var result = RentResult();
                    bool ok;
                    try
                    {
                        ok = _inference!.TryProcess(job, result);
                    }
                    catch (Exception)
                    {
                        job.Dispose();
                        Diagnostics.CountDrop(DropCause.InferenceError);
                        ok = false;
                    }
                    if (!ok)
                    {
                        ReturnResult(result);
                        continue;
                    }
                    if (_options.Mode == PipelineMode.Live) output.TryWrite(result);
                    else await output.WriteAsync(result, token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            while (paired.TryRead(out var left)) left.Dispose();
            output.TryComplete();
        }
    }

    private async Task RunOutputAsync(CancellationToken token)
    {
        var output = _output!.Reader;
        // No token on the wait (see RunPairingAsync): the inference stage completes this channel when it stops.
        while (await output.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            token.ThrowIfCancellationRequested();
            while (!token.IsCancellationRequested && output.TryRead(out var result))
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    _sink.Write(result);
                    Diagnostics.CountOutput();
                    Diagnostics.Latency(PipelineStage.Output).RecordSince(t0);
                    Diagnostics.Latency(PipelineStage.EndToEnd).RecordSince(result.ReceivedTicks);
                }
                catch (Exception)
                {
                    Diagnostics.CountDrop(DropCause.OutputError);
                }
                finally
                {
                    ReturnResult(result);
                }
            }
        }
    }

    private PerceptionResult RentResult()
    {
        lock (_resultGate)
            return _results!.Count > 0 ? _results.Dequeue() : new PerceptionResult();
    }

    private void ReturnResult(PerceptionResult result)
    {
        lock (_resultGate)
        {
            if (_results is null) result.Dispose();
            else _results.Enqueue(result);
        }
    }

    private Channel<T> Bounded<T>(int capacity, Action<T> dropped) =>
        _options.Mode == PipelineMode.Live
            ? Channel.CreateBounded(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }, dropped)
            : Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private void Expect(PipelineState state, string transition)
    {
        if (State != state) throw new InvalidOperationException($"cannot {transition} in state {State} (needs {state})");
    }
}
