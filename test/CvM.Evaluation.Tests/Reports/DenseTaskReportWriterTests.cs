using System.Numerics;
using System.Text.Json;
using CvM.Evaluation.Metrics;
using CvM.Evaluation.Reports;

namespace CvM.Evaluation.Tests.Reports;

public sealed class DenseTaskReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cvm-tasks-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void WriteAll_HandExample_JsonAndMarkdownCarryTheMetrics()
    {
        // Same 3x3 example as SemanticConfusionTests: IoU 1/3, 1/2, 2/3; mIoU 0.5; pixel accuracy 0.625.
        var c = new SemanticConfusion();
        c.Add([1, 1, 2, 2, 2, 3, 0, 3, 3], [1, 2, 2, 2, 1, 3, 5, 3, 0]);
        var n = new NormalAccumulator();
        n.Add([new Vector3(0, 0, 1), new Vector3(0, 0, 1)], [new Vector3(0, 0, 1), new Vector3(1, 0, 1)]);
        var files = DenseTaskReportWriter.WriteAll(c, n.ToMetrics(), _dir);
        Assert.Equal(3, files.Count);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, "tasks.json")));
        var sem = doc.RootElement.GetProperty("semantics");
        Assert.Equal(0.5, sem.GetProperty("meanIoU").GetDouble(), 12);
        Assert.Equal(0.625, sem.GetProperty("pixelAccuracy").GetDouble(), 12);
        var classes = sem.GetProperty("classes");
        Assert.Equal(1.0 / 3, classes[0].GetProperty("iou").GetDouble(), 12);
        Assert.Equal("bed", classes[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, classes[4].GetProperty("iou").ValueKind); // class 5 is in neither map
        Assert.Equal(1, sem.GetProperty("confusionRowsGtColsPredLastInvalid")[2][13].GetInt64());
        Assert.Equal(22.5, doc.RootElement.GetProperty("normals").GetProperty("meanDeg").GetDouble(), 4);
        string md = File.ReadAllText(Path.Combine(_dir, "tasks.md"));
        Assert.Contains("| 2 | books | 0.5000 | 3 | 3 |", md);
        Assert.Contains("pixel accuracy: 62.50 %", md);
    }
}
