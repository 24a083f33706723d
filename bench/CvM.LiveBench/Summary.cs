namespace CvM.LiveBench;

/// <summary>
/// The figures of one run and the pass/fail checks (RSS growth after warm-up, drop accounting, crash). Accounting of
/// the images: published = taken by the node's DDS reader + Cyclone's sample lost + sample rejected + oversize
/// rejected + lost without any middleware count (the remainder, counted here from the publisher's side);
/// taken = reader queue dropped + posted to the pipeline (images_received); images_received = frames output + drops.
/// The run passes the accounting when both node-side identities hold exactly and every output was received.
/// </summary>
internal sealed record Summary
{
    public const double MaxRssGrowth = 0.05;

    public required double Seconds { get; init; }
    public required double RateHz { get; init; }
    public required double WarmupSeconds { get; init; }
    public required double MeasuredSeconds { get; init; }
    public required long Published { get; init; }
    public required double InputRateHz { get; init; }
    public required long OutputsReceived { get; init; }
    public required double OutputRateHz { get; init; }
    public required long OutputsOutOfOrder { get; init; }
    public required long OutputsUnmatched { get; init; }
    public required double LatencyP50Ms { get; init; }
    public required double LatencyP90Ms { get; init; }
    public required double LatencyP99Ms { get; init; }
    public required double LatencyMaxMs { get; init; }
    public required double LatencyP50FirstTenthMs { get; init; }
    public required double LatencyP50LastTenthMs { get; init; }
    public required double LagFramesP50 { get; init; }
    public required double LagFramesMax { get; init; }
    public required long NodeImagesReceived { get; init; }
    public required long NodeFramesOutput { get; init; }
    public required long NodeDropsTotal { get; init; }
    public required Dictionary<string, string> NodeDiagnostics { get; init; }
    public required long TransportLoss { get; init; }
    public required long NodeImagesTaken { get; init; }
    public required long ReaderQueueDropped { get; init; }
    public required long DdsSampleLost { get; init; }
    public required long DdsSampleRejected { get; init; }
    public required long OversizeRejected { get; init; }
    public required long TransportLossUncountedByDds { get; init; }
    public required long ReaderUnaccounted { get; init; }
    public required long PipelineUnaccounted { get; init; }
    public required double GcCommittedAfterWarmupMiB { get; init; }
    public required double GcCommittedEndMiB { get; init; }
    public required double NativeAfterWarmupMiB { get; init; }
    public required double NativeEndMiB { get; init; }
    public required double AllocatedBytesPerInputAfterWarmup { get; init; }
    public required long Gen2Collections { get; init; }
    public required long Unaccounted { get; init; }
    public required bool DropsAccounted { get; init; }
    public required double RssAfterWarmupMiB { get; init; }
    public required double RssEndMiB { get; init; }
    public required double RssMaxMiB { get; init; }
    public required double RssGrowth { get; init; }
    public required bool RssChecked { get; init; }
    public required bool RssFlat { get; init; }
    public required bool Crashed { get; init; }
    public required bool CleanExit { get; init; }
    public required bool Passed { get; init; }
    public required string Verdict { get; init; }

    public static Summary Build(LiveBenchOptions o, long published, OutputRecorder r, List<TimeSeriesRow> rows,
        Dictionary<string, string> diag, bool crashed, bool cleanExit, double measuredSeconds, double publishSeconds)
    {
        var lat = r.AllLatencies();
        var lag = r.AllLagFrames().Select(v => (double)v).ToArray();
        var tenth = Math.Max(1, lat.Length / 10);
        long L(string k) => diag.TryGetValue(k, out var v) && long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        var received = L("images_received");
        var output = L("frames_output");
        var drops = L("drops_total");
        var taken = L("transport.image.taken");
        var queueDropped = L("transport.image.reader_queue_dropped");
        var sampleLost = L("transport.image.sample_lost");
        var sampleRejected = L("transport.image.sample_rejected");
        var oversize = L("transport.image.oversize_rejected");
        var uncountedByDds = published - taken - sampleLost - sampleRejected - oversize;
        var readerUnaccounted = taken - queueDropped - received;
        var pipelineUnaccounted = received - output - drops;
        var unaccounted = published - output - drops - queueDropped - sampleLost - sampleRejected - oversize - uncountedByDds;
        var accounted = received >= 0 && taken >= 0 && readerUnaccounted == 0 && pipelineUnaccounted == 0 && uncountedByDds >= 0
            && output == r.OutputsReceived;

        // RSS: mean of the 30 s after warm-up against the mean of the last 30 s of publishing
        var during = rows.Where(x => x.TimeS <= o.Seconds && x.RssKiB > 0).ToList();
        var after = during.Where(x => x.TimeS > o.WarmupSeconds && x.TimeS <= o.WarmupSeconds + 30).Select(x => x.RssKiB / 1024.0).ToArray();
        var end = during.Where(x => x.TimeS > o.Seconds - 30).Select(x => x.RssKiB / 1024.0).ToArray();
        var rssChecked = o.Seconds >= o.WarmupSeconds + 60 && after.Length > 0 && end.Length > 0;
        var rssAfter = after.Length > 0 ? after.Average() : double.NaN;
        var rssEnd = end.Length > 0 ? end.Average() : double.NaN;
        var growth = rssChecked ? rssEnd / rssAfter - 1 : double.NaN;
        var rssFlat = !rssChecked || growth < MaxRssGrowth;
        double Mean(IEnumerable<TimeSeriesRow> xs, Func<TimeSeriesRow, double> f)
        {
            var v = xs.Select(f).Where(x => x >= 0).ToArray();
            return v.Length > 0 ? v.Average() : double.NaN;
        }
        var afterRows = during.Where(x => x.TimeS > o.WarmupSeconds && x.TimeS <= o.WarmupSeconds + 30).ToList();
        var endRows = during.Where(x => x.TimeS > o.Seconds - 30).ToList();
        var gcAfter = Mean(afterRows, x => x.GcCommittedBytes / 1048576.0);
        var gcEnd = Mean(endRows, x => x.GcCommittedBytes / 1048576.0);
        var nativeAfter = Mean(afterRows.Where(x => x.GcCommittedBytes >= 0), x => x.RssKiB / 1024.0 - x.GcCommittedBytes / 1048576.0);
        var nativeEnd = Mean(endRows.Where(x => x.GcCommittedBytes >= 0), x => x.RssKiB / 1024.0 - x.GcCommittedBytes / 1048576.0);
        var first = during.FirstOrDefault(x => x.TimeS > o.WarmupSeconds && x.GcAllocatedBytes >= 0);
        var last = during.LastOrDefault(x => x.GcAllocatedBytes >= 0);
        var allocPerInput = first is not null && last is not null && last.Published > first.Published
            ? (last.GcAllocatedBytes - first.GcAllocatedBytes) / (double)(last.Published - first.Published) : double.NaN;
        var passed = !crashed && cleanExit && accounted && rssFlat;
        var why = new List<string>();
        if (crashed) why.Add("node crashed");
        if (!cleanExit && !crashed) why.Add("node did not exit cleanly on SIGTERM");
        if (!accounted) why.Add($"drops not accounted: reader taken {taken} - queue dropped {queueDropped} - posted {received} = {readerUnaccounted}; posted {received} - output {output} - drops {drops} = {pipelineUnaccounted}; published {published} - taken - DDS lost/rejected/oversize = {uncountedByDds}; bench received {r.OutputsReceived} outputs of {output}");
        if (!rssFlat) why.Add($"RSS grew {growth:P1} after warm-up");
        var inputSeconds = Math.Max(publishSeconds, 1e-9);
        return new Summary
        {
            Seconds = o.Seconds,
            RateHz = o.RateHz,
            WarmupSeconds = o.WarmupSeconds,
            MeasuredSeconds = measuredSeconds,
            Published = published,
            InputRateHz = publishSeconds > 0 ? (published - 1) / publishSeconds : double.NaN,
            OutputsReceived = r.OutputsReceived,
            OutputRateHz = r.OutputsReceived / inputSeconds,
            OutputsOutOfOrder = r.OutputsOutOfOrder,
            OutputsUnmatched = r.OutputsUnmatched,
            LatencyP50Ms = Stats.Percentile(lat, 50),
            LatencyP90Ms = Stats.Percentile(lat, 90),
            LatencyP99Ms = Stats.Percentile(lat, 99),
            LatencyMaxMs = Stats.Max(lat),
            LatencyP50FirstTenthMs = Stats.Percentile(lat.Take(tenth).ToArray(), 50),
            LatencyP50LastTenthMs = Stats.Percentile(lat.TakeLast(tenth).ToArray(), 50),
            LagFramesP50 = Stats.Percentile(lag, 50),
            LagFramesMax = Stats.Max(lag),
            NodeImagesReceived = received,
            NodeFramesOutput = output,
            NodeDropsTotal = drops,
            NodeDiagnostics = diag,
            TransportLoss = received >= 0 ? published - received : -1,
            NodeImagesTaken = taken,
            ReaderQueueDropped = queueDropped,
            DdsSampleLost = sampleLost,
            DdsSampleRejected = sampleRejected,
            OversizeRejected = oversize,
            TransportLossUncountedByDds = uncountedByDds,
            ReaderUnaccounted = readerUnaccounted,
            PipelineUnaccounted = pipelineUnaccounted,
            GcCommittedAfterWarmupMiB = gcAfter,
            GcCommittedEndMiB = gcEnd,
            NativeAfterWarmupMiB = nativeAfter,
            NativeEndMiB = nativeEnd,
            AllocatedBytesPerInputAfterWarmup = allocPerInput,
            Gen2Collections = L("memory.gc_gen2_collections"),
            Unaccounted = unaccounted,
            DropsAccounted = accounted,
            RssAfterWarmupMiB = rssAfter,
            RssEndMiB = rssEnd,
            RssMaxMiB = during.Count > 0 ? during.Max(x => x.RssKiB) / 1024.0 : double.NaN,
            RssGrowth = growth,
            RssChecked = rssChecked,
            RssFlat = rssFlat,
            Crashed = crashed,
            CleanExit = cleanExit,
            Passed = passed,
            Verdict = passed ? "PASS" : "FAIL: " + string.Join("; ", why),
        };
    }
}
