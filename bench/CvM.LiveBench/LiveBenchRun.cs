using System.Diagnostics;
using System.Globalization;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;

namespace CvM.LiveBench;

/// <summary>
/// One benchmark run: starts the node as a child process on a fresh loopback domain, publishes the looped
/// synthetic sequence at the given rate, records outputs, /diagnostics and VmRSS every second, then stops the
/// node with SIGTERM and writes the CSV, JSON and Markdown.
/// </summary>
internal static class LiveBenchRun
{
    private const int Width = 640;
    private const int Height = 480;
    private const long BaseStampNs = 1_800_000_000_000_000_000L;

    public static async Task<int> RunAsync(LiveBenchOptions o, TextWriter log)
    {
        var repoRoot = FindRepoRoot();
        var outDir = Path.GetFullPath(o.OutDir);
        Directory.CreateDirectory(outDir);
        var sw = Stopwatch.StartNew();
        var sequence = InputSequence.Render(o.Frames, Width, Height, seed: 5);
        log.WriteLine($"rendered {o.Frames} frames {Width}x{Height} in {sw.Elapsed.TotalSeconds:F1} s");

        var domain = (uint)(100 + Environment.ProcessId % 120);
        var periodNs = (long)Math.Round(1e9 / o.RateHz);
        var capacity = (int)Math.Ceiling(o.Seconds * o.RateHz) + 16;
        var recorder = new OutputRecorder(BaseStampNs, periodNs, capacity);
        var rows = new List<TimeSeriesRow>();

        using var node = NodeProcess.Start(repoRoot, domain, o.Device, o.NodeEnvironment, Path.Combine(outDir, "node.log"));
        log.WriteLine($"node pid {node.Pid} on domain {domain} (CYCLONEDDS_URI: 127.0.0.1 only)");
        var ros = new RosNodeOptions(new DdsParticipantOptions(domain, CycloneConfig.Loopback));
        using var peer = RosNode.Create("cvm_livebench", "/", ros);
        using var image = peer.CreatePublisher<Image>("/image", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        using var info = peer.CreatePublisher<CameraInfo>("/camera_info", DdsTypeSupport.For<CameraInfo>(), QosProfile.SensorData);
        using var odom = peer.CreatePublisher<Odometry>("/odom", DdsTypeSupport.For<Odometry>(), QosProfile.SensorData);
        using var tf = peer.CreatePublisher<TFMessage>("/tf", DdsTypeSupport.For<TFMessage>(), QosProfile.SensorData);
        using var depth = peer.CreateReader("/cvm_perception/depth", DdsTypeSupport.For<Image>(), QosProfile.Default with { Depth = 50 }, new DdsReaderOptions(ChannelCapacity: 64));
        using var diagnostics = peer.CreateReader("/diagnostics", DdsTypeSupport.For<DiagnosticArray>(), QosProfile.Default with { Depth = 50 }, new DdsReaderOptions(ChannelCapacity: 64));
        using var stop = new CancellationTokenSource();
        var tasks = new[] { recorder.RunDepthAsync(depth, stop.Token), recorder.RunDiagnosticsAsync(diagnostics, stop.Token) };

        var discoveryStart = Stopwatch.StartNew();
        while (!(image.Writer.MatchedSubscriptions > 0 && info.Writer.MatchedSubscriptions > 0 && odom.Writer.MatchedSubscriptions > 0
                 && depth.MatchedPublications > 0 && recorder.DiagnosticsReceived > 0))
        {
            if (node.HasExited) return Fail(log, $"node exited during start-up with code {node.ExitCode} (see node.log)");
            if (discoveryStart.Elapsed > TimeSpan.FromSeconds(120)) return Fail(log, "node not discovered within 120 s");
            await Task.Delay(100).ConfigureAwait(false);
        }
        log.WriteLine($"node up and matched after {discoveryStart.Elapsed.TotalSeconds:F1} s; provider {recorder.Diagnostics().GetValueOrDefault("execution_provider")}");

        var publisher = new Thread(() => PublishLoop(sequence, image, info, odom, tf, recorder, o, periodNs, capacity - 16)) { IsBackground = true, Name = "publisher" };
        var runClock = Stopwatch.StartNew();
        publisher.Start();
        var crashed = false;
        while (publisher.IsAlive)
        {
            await Task.Delay(1000).ConfigureAwait(false);
            rows.Add(TimeSeriesRow.Sample(runClock.Elapsed.TotalSeconds, recorder, node.VmRssKiB()));
            if (node.HasExited)
            {
                crashed = true;
                log.WriteLine($"node exited with code {node.ExitCode} during the run");
                break;
            }
            if (rows.Count % 30 == 0) log.WriteLine(rows[^1].ToLogLine());
        }
        publisher.Join();
        var published = Interlocked.Read(ref recorder.Published);

        // drain: let in-flight frames finish, then take diagnostics that were published after the last output
        var drainClock = Stopwatch.StartNew();
        long lastOut = -1;
        while (!crashed && drainClock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(1000).ConfigureAwait(false);
            rows.Add(TimeSeriesRow.Sample(runClock.Elapsed.TotalSeconds, recorder, node.VmRssKiB()));
            var received = recorder.DiagnosticLong("images_received");
            var taken = recorder.DiagnosticLong("transport.image.taken");
            var queueDropped = recorder.DiagnosticLong("transport.image.reader_queue_dropped");
            var settled = recorder.DiagnosticLong("frames_output") + recorder.DiagnosticLong("drops_total");
            var outNow = Interlocked.Read(ref recorder.OutputsReceived);
            var nodeSettled = taken >= 0 && taken - queueDropped == received && settled == received && outNow == lastOut;
            if (nodeSettled && (taken >= published || drainClock.Elapsed > TimeSpan.FromSeconds(5))) break;
            lastOut = outNow;
        }
        var finalDiagnostics = recorder.Diagnostics();
        var cleanExit = !crashed && node.Stop(TimeSpan.FromSeconds(15));
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(tasks).ConfigureAwait(false);

        var summary = Summary.Build(o, published, recorder, rows, finalDiagnostics, crashed, cleanExit, runClock.Elapsed.TotalSeconds, recorder.PublishSeconds);
        ReportWriter.Write(outDir, summary, rows);
        log.WriteLine(summary.Verdict);
        return summary.Passed ? 0 : 1;
    }

    private static void PublishLoop(InputSequence sequence, Ros.Dds.DdsPublisher<Image> image, Ros.Dds.DdsPublisher<CameraInfo> info,
        Ros.Dds.DdsPublisher<Odometry> odom, Ros.Dds.DdsPublisher<TFMessage> tf, OutputRecorder recorder, LiveBenchOptions o, long periodNs, int count)
    {
        var clock = Stopwatch.StartNew();
        var n = Math.Min(count, (int)Math.Round(o.Seconds * o.RateHz));
        for (var i = 0; i < n; i++)
        {
            var due = TimeSpan.FromTicks(i * periodNs / 100);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(2)) Thread.Sleep(wait - TimeSpan.FromMilliseconds(1));
            while (clock.Elapsed < due) Thread.SpinWait(50);
            var stamp = BaseStampNs + i * periodNs;
            info.Publish(sequence.InfoAt(stamp));
            odom.Publish(sequence.OdometryAt(i, stamp));
            tf.Publish(sequence.TfAt(i, stamp));
            var msg = sequence.ImageAt(i, stamp);
            recorder.MarkPublished(i, DdsReader.NowNs());
            image.Publish(msg);
        }
        recorder.PublishSeconds = clock.Elapsed.TotalSeconds;
    }

    private static int Fail(TextWriter log, string why)
    {
        log.WriteLine("FAIL: " + why);
        return 1;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CvM.Robotics.sln"))) return d.FullName;
        throw new ArgumentException("run from inside the repository (CvM.Robotics.sln not found above the current directory)");
    }

    internal static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("F2", CultureInfo.InvariantCulture);
}
