using System.Text.Json;
using CvM.Evaluation.Driver;
using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Reports;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as JSON with every number in it (NaN written as null): options,
/// per-source summaries (mean of frames and pooled), pixel counts, consistency, per-frame metrics and depth bins.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>Format version of the JSON document.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the report to <paramref name="path"/> (overwritten).</summary>
    public static void Write(EvaluationReport report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>Writes the report to <paramref name="stream"/> (not closed).</summary>
    public static void Write(EvaluationReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("dataset", report.Dataset);
        w.WriteString("generatedUtc", report.GeneratedUtc);
        w.WriteNumber("frameCount", report.FrameCount);
        w.WriteNumber("framesWithPose", report.FramesWithPose);
        Number(w, "elapsedSeconds", report.ElapsedSeconds);
        WriteOptions(w, report.Options);
        w.WritePropertyName("groundTruthConsistency");
        WriteConsistency(w, report.GroundTruthConsistency);
        w.WriteStartArray("sources");
        foreach (var s in report.Sources) WriteSource(w, s);
        w.WriteEndArray();
        w.WriteStartArray("previewFrames");
        foreach (var p in report.Previews) w.WriteNumberValue(p.Index);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter w, EvaluationOptions o)
    {
        w.WriteStartObject("options");
        Number(w, "minDepthM", o.Range.MinM);
        Number(w, "maxDepthM", o.Range.MaxM);
        w.WriteNumber("depthBinCount", o.DepthBinCount);
        Number(w, "depthBinMaxM", o.DepthBinMaxM);
        w.WriteNumber("consistencyNeighbourOffset", o.ConsistencyNeighbourOffset);
        w.WriteString("validPixelRule", "ground truth > 0, finite, inside [minDepthM, maxDepthM]");
        w.WriteString("predictionRule", "NaN = missing (excluded, counted); other values clamped to [minDepthM, maxDepthM] (counted)");
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, DepthSourceResult s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("kind", s.Kind.ToString());
        w.WriteString("description", s.Description);
        w.WriteNumber("framesPredicted", s.Frames.Count - s.SkippedFrames);
        w.WriteNumber("framesSkipped", s.SkippedFrames);
        Number(w, "predictSeconds", s.PredictSeconds);
        w.WritePropertyName("meanOfFrames");
        WriteMetrics(w, s.MeanOfFrames);
        w.WritePropertyName("pooledPixels");
        WriteMetrics(w, s.Pooled);
        w.WritePropertyName("pixelCounts");
        WriteCounts(w, s.Counts);
        w.WritePropertyName("consistency");
        WriteConsistency(w, s.Consistency);
        w.WriteStartArray("frames");
        foreach (var f in s.Frames)
        {
            w.WriteStartObject();
            w.WriteNumber("index", f.Index);
            w.WriteNumber("stampNs", f.StampNs);
            w.WriteBoolean("predicted", f.Predicted);
            w.WritePropertyName("metrics");
            WriteMetrics(w, f.Metrics);
            w.WritePropertyName("pixelCounts");
            WriteCounts(w, f.Counts);
            w.WritePropertyName("consistency");
            WriteConsistency(w, f.Consistency);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("depthBins");
        for (int b = 0; b < s.Bins.Count; b++)
        {
            w.WriteStartObject();
            Number(w, "fromM", s.Bins.MinM + b * s.Bins.BinWidthM);
            Number(w, "toM", s.Bins.MinM + (b + 1) * s.Bins.BinWidthM);
            w.WritePropertyName("metrics");
            WriteMetrics(w, s.Bins[b].ToMetrics());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes depth metrics as an object (deltas as fractions).</summary>
    internal static void WriteMetrics(Utf8JsonWriter w, DepthMetrics m)
    {
        w.WriteStartObject();
        Number(w, "absRel", m.AbsRel);
        Number(w, "sqRel", m.SqRel);
        Number(w, "rmse", m.Rmse);
        Number(w, "rmseLog", m.RmseLog);
        Number(w, "delta1", m.Delta1);
        Number(w, "delta2", m.Delta2);
        Number(w, "delta3", m.Delta3);
        w.WriteNumber("pixels", m.Pixels);
        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, DepthPixelCounts c)
    {
        w.WriteStartObject();
        w.WriteNumber("total", c.Total);
        w.WriteNumber("validGroundTruth", c.ValidGroundTruth);
        w.WriteNumber("missingPrediction", c.MissingPrediction);
        w.WriteNumber("clampedPrediction", c.ClampedPrediction);
        w.WriteEndObject();
    }

    private static void WriteConsistency(Utf8JsonWriter w, ConsistencySums c)
    {
        w.WriteStartObject();
        Number(w, "absRel", c.MeanAbsRel);
        Number(w, "fractionUnder5Percent", c.FractionUnder5Percent);
        Number(w, "coVisibleFraction", c.CoVisibleFraction);
        w.WriteNumber("sourcePixels", c.SourcePixels);
        w.WriteNumber("coVisible", c.CoVisible);
        w.WriteNumber("outOfView", c.OutOfView);
        w.WriteNumber("noNeighbourDepth", c.NoNeighbourDepth);
        w.WriteEndObject();
    }

    /// <summary>Writes a number, or null when it is NaN or infinite (JSON has neither).</summary>
    internal static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
