using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CvM.Evaluation.Metrics;
using CvM.Training.Data;
using CvM.Training.Export;
using CvM.Training.Train;

namespace CvM.Training.Eval;

/// <summary>
/// The evaluation: every frame is run twice on the same predictor, with its two source views (multi-view) and with
/// the reference duplicated under identity poses (duplicated), and both are scored by <see cref="FrameScorer"/>.
/// Sets: <c>synthetic_heldout</c> (generated scenes whose seeds training never uses, rendered at the model size, exact
/// ground truth) and <c>7scenes_redkitchen</c> (real Kinect depth, nearest-neighbour resized to the model size;
/// no labels or normals).
/// </summary>
public static class EvalRunner
{
    /// <summary>Runs the sets of <paramref name="o"/>; writes progress to <paramref name="log"/>.</summary>
    public static List<EvalMetrics> Run(ICvmPredictor model, int width, int height, DepthRange range, EvalOptions o, TextWriter? log = null)
    {
        var results = new List<EvalMetrics>();
        // The scale-alignment experiment also needs each sample at its factor x the model size.
        var sa = model as ScaleAlignedPredictor is { Factor: > 1 } aligned ? aligned : null;
        if (o.SyntheticScenes > 0)
        {
            var sourceOptions = new SyntheticSourceOptions { MinBaselineM = o.MinBaselineM, SceneScaleMax = o.SceneScaleMax };
            var source = new SyntheticTripletSource(o.DataSeed, width, height, heldOut: true, sourceOptions);
            var hiSource = sa is not null ? new SyntheticTripletSource(o.DataSeed, width * sa.Factor, height * sa.Factor, heldOut: true, sourceOptions) : null;
            results.AddRange(RunSet("synthetic_heldout", Enumerable.Range(0, o.SyntheticScenes).Select(i =>
            {
                if (sa is not null) sa.HighRes = hiSource!.Get(i);
                return (ViewTriplet?)source.Get(i);
            }), model, range, log));
        }
        if (o.SevenScenes is not null)
        {
            var seq = new SevenScenesSequence(o.SevenScenes);
            results.AddRange(RunSet("7scenes_redkitchen", Enumerable.Range(0, seq.Count).Select(i =>
            {
                if (sa is not null) sa.HighRes = seq.Triplet(i, width * sa.Factor, height * sa.Factor, o.MinBaselineM);
                return seq.Triplet(i, width, height, o.MinBaselineM);
            }), model, range, log));
        }
        return results;
    }

    /// <summary>Scores one set, multi-view and duplicated on the same frames (frames without two source views are skipped).</summary>
    public static EvalMetrics[] RunSet(string name, IEnumerable<ViewTriplet?> frames, ICvmPredictor model, DepthRange range, TextWriter? log = null)
    {
        var multi = new FrameScorer(range);
        var dup = new FrameScorer(range);
        var clock = Stopwatch.StartNew();
        int skipped = 0;
        foreach (var f in frames)
        {
            if (f is null)
            {
                skipped++;
                continue;
            }
            multi.Add(f, model.Predict(f, duplicate: false));
            dup.Add(f, model.Predict(f, duplicate: true));
            log?.Write($"\r{name}: {multi.Frames} frames, {clock.Elapsed.TotalSeconds:F0} s");
        }
        log?.WriteLine(skipped > 0 ? $" ({skipped} skipped: fewer than two source views)" : "");
        return [multi.ToMetrics(name, "multiview"), dup.ToMetrics(name, "duplicated")];
    }

    /// <summary>
    /// Replaces the <c>metrics</c> array of a model manifest (JSON) and records how they were measured under
    /// <c>evaluation</c> (held-out scenes, data seed, minimum source baseline, real sequence), leaving the rest as it is.
    /// </summary>
    public static void WriteIntoManifest(string manifestPath, IReadOnlyList<EvalMetrics> metrics, EvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = JsonNode.Parse(File.ReadAllText(manifestPath))?.AsObject() ?? throw new InvalidDataException("bad manifest " + manifestPath);
        root["metrics"] = JsonSerializer.SerializeToNode(metrics.ToArray(), TrainConfig.Json);
        root["evaluation"] = new JsonObject
        {
            ["syntheticScenes"] = options.SyntheticScenes,
            ["dataSeed"] = options.DataSeed,
            ["minBaselineM"] = options.MinBaselineM,
            ["sceneScaleMax"] = options.SceneScaleMax,
            ["sourceViews"] = "the two nearest by camera-centre distance with at least minBaselineM: synthetic among the 30 frames before the reference, 7-Scenes among all frames",
            ["sevenScenes"] = options.SevenScenes is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(options.SevenScenes)),
        };
        File.WriteAllText(manifestPath, root.ToJsonString(TrainConfig.Json));
    }
}
