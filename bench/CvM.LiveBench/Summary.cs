namespace CvM.LiveBench;

/// <summary>The figures of one run and the pass/fail checks (RSS growth after warm-up, drop accounting, crash).</summary>
internal sealed record Summary
{
    public const double MaxRssGrowth = 0.05;
    public const long AccountingToleranceFrames = 5;

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
        var unaccounted = published - output - drops;
        var accounted = received >= 0 && unaccounted >= 0 && unaccounted <= AccountingToleranceFrames && output == r.OutputsReceived;

        // RSS: mean of the 30 s after warm-up against the mean of the last 30 s of publishing
        var during = rows.Where(x => x.TimeS <= o.Seconds && x.RssKiB > 0).ToList();
        var after = during.Where(x => x.TimeS > o.WarmupSeconds && x.TimeS <= o.WarmupSeconds + 30).Select(x => x.RssKiB / 1024.0).ToArray();
        var end = during.Where(x => x.TimeS > o.Seconds - 30).Select(x => x.RssKiB / 1024.0).ToArray();
        var rssChecked = o.Seconds >= o.WarmupSeconds + 60 && after.Length > 0 && end.Length > 0;
        var rssAfter = after.Length > 0 ? after.Average() : double.NaN;
        var rssEnd = end.Length > 0 ? end.Average() : double.NaN;
        var growth = rssChecked ? rssEnd / rssAfter - 1 : double.NaN;
        var rssFlat = !rssChecked || growth < MaxRssGrowth;
        var passed = !crashed && cleanExit && accounted && rssFlat;
        var why = new List<string>();
        if (crashed) why.Add("node crashed");
        if (!cleanExit && !crashed) why.Add("node did not exit cleanly on SIGTERM");
        if (!accounted) why.Add($"drops not accounted: published {published} - output {output} - drops {drops} = {unaccounted}; bench received {r.OutputsReceived} outputs; of these, {(received >= 0 ? published - received : -1)} never reached the node's counters (lost in DDS transport or the node's reader queue, which /diagnostics does not report)");
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
