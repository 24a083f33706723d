using CvM.Evaluation.Driver;
using CvM.Evaluation.Metrics;
using CvM.Evaluation.Sources;

namespace CvM.Evaluation.Tests.Driver;

public class DepthEvaluationRunnerTests
{
    private static readonly EvaluationOptions Options = EvaluationOptions.Indoor with { PreviewCount = 2 };

    // Independent reference: the definitions written out with LINQ in double.
    private static (double AbsRel, double Rmse, double Delta1, int N) Reference(float[] gt, Func<int, double> pred)
    {
        var px = Enumerable.Range(0, gt.Length).Where(i => gt[i] >= 0.1f && gt[i] <= 10f)
            .Select(i => (g: (double)gt[i], p: Math.Clamp(pred(i), 0.1, 10))).ToList();
        return (px.Average(t => Math.Abs(t.p - t.g) / t.g), Math.Sqrt(px.Average(t => (t.p - t.g) * (t.p - t.g))),
            px.Count(t => Math.Max(t.p / t.g, t.g / t.p) < 1.25) / (double)px.Count, px.Count);
    }

    [Fact]
    public void EvalFrame_NullIntrinsics_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new EvalFrame(0, 0, null!, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<float>.Empty, null));
    }

    [Fact]
    public void Run_FixedConstant_PerFrameMetricsMatchReference()
    {
        var seq = new TiltedPlaneSequence();
        var report = DepthEvaluationRunner.Run(seq, [ConstantDepthSource.Fixed(2.5f)], Options);
        var s = Assert.Single(report.Sources);
        Assert.Equal(6, report.FrameCount);
        Assert.Equal(0, s.SkippedFrames);
        for (int i = 0; i < 6; i++)
        {
            var r = Reference(seq.GroundTruth(i), _ => 2.5);
            Assert.Equal(r.AbsRel, s.Frames[i].Metrics.AbsRel, 5);
            Assert.Equal(r.Rmse, s.Frames[i].Metrics.Rmse, 5);
            Assert.Equal(r.Delta1, s.Frames[i].Metrics.Delta1, 9);
            Assert.Equal(r.N, s.Frames[i].Metrics.Pixels);
        }
        Assert.Equal(Enumerable.Range(0, 6).Average(i => s.Frames[i].Metrics.AbsRel), s.MeanOfFrames.AbsRel, 9);
        Assert.Equal(6L * (32 * 24 - 1), s.Pooled.Pixels);
    }

    [Fact]
    public void Run_PreviousFrame_FirstSkippedThenPreviousGroundTruth()
    {
        var seq = new TiltedPlaneSequence();
        var report = DepthEvaluationRunner.Run(seq, [new PreviousFrameDepthSource()], Options);
        var s = report.Sources[0];
        Assert.False(s.Frames[0].Predicted);
        Assert.Equal(1, s.SkippedFrames);
        Assert.Equal(DepthSourceKind.OracleReference, s.Kind);
        for (int i = 1; i < 6; i++)
        {
            var prev = seq.GroundTruth(i - 1);
            // The hole at pixel 0 of the previous frame is filled with that frame's median (upper middle value).
            var sorted = prev.Where(d => d > 0).Order().ToArray();
            float median = sorted[sorted.Length / 2];
            var r = Reference(seq.GroundTruth(i), p => prev[p] > 0 ? prev[p] : median);
            Assert.Equal(r.AbsRel, s.Frames[i].Metrics.AbsRel, 6);
            Assert.Equal(r.Rmse, s.Frames[i].Metrics.Rmse, 6);
        }
        Assert.Equal(5, s.Frames.Count(f => f.Predicted));
        Assert.True(double.IsNaN(s.Frames[0].Metrics.AbsRel));
    }

    [Fact]
    public void Run_FirstFrameMedian_UsesMedianOfFrameZero()
    {
        var seq = new TiltedPlaneSequence();
        var source = ConstantDepthSource.FirstFrameMedian();
        DepthEvaluationRunner.Run(seq, [source], Options);
        var sorted = seq.GroundTruth(0).Where(d => d > 0).Order().ToArray();
        Assert.Equal(sorted[sorted.Length / 2], source.ValueM);
        Assert.Contains("median", source.Description);
    }

    [Fact]
    public void Run_PerfectPrediction_ZeroErrorAndConsistencyNearGroundTruthFloor()
    {
        var seq = new TiltedPlaneSequence();
        var report = DepthEvaluationRunner.Run(seq, [new GroundTruthOracle()], Options);
        var s = report.Sources[0];
        Assert.Equal(0.0, s.Pooled.AbsRel, 6);
        Assert.Equal(1.0, s.Pooled.Delta1, 12);
        // Exact depths of a plane: the only consistency error is the nearest-pixel rounding on a slope
        // (depth changes by about 0.2*3/30 = 2 cm per pixel, 0.7 % at 3 m, half a pixel at most: < 0.4 %).
        Assert.True(report.GroundTruthConsistency.CoVisible > 5 * 500);
        Assert.InRange(report.GroundTruthConsistency.MeanAbsRel, 0, 0.004);
        Assert.Equal(report.GroundTruthConsistency.MeanAbsRel, s.Consistency.MeanAbsRel, 9);
        Assert.Equal(6, report.FramesWithPose);
    }

    [Fact]
    public void Run_TwoSources_PreviewsHoldCopiesOfEachPrediction()
    {
        var seq = new TiltedPlaneSequence();
        var report = DepthEvaluationRunner.Run(seq, [ConstantDepthSource.Fixed(2f), new PreviousFrameDepthSource()], Options);
        Assert.Equal([2, 4], report.Previews.Select(p => p.Index));
        var p = report.Previews[0];
        Assert.All(p.PredictionsM["constant-fixed"], d => Assert.Equal(2f, d));
        Assert.Equal(seq.GroundTruth(1).Skip(1), p.PredictionsM["previous-frame-gt"].Skip(1));
        Assert.Equal(seq.GroundTruth(2), p.GroundTruthDepthM);
    }

    [Fact]
    public void Run_DuplicateSourceNames_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            DepthEvaluationRunner.Run(new TiltedPlaneSequence(), [ConstantDepthSource.Fixed(1f), ConstantDepthSource.Fixed(2f)], Options));
    }

    [Fact]
    public void Options_OutOfRange_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => (EvaluationOptions.Indoor with { DepthBinCount = 0 }).Validate());
        Assert.Equal("DepthBinCount", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DepthRange(1f, 0.5f).Validate());
    }
}
