using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Tests.Metrics;

public class DepthEvaluatorTests
{
    private static readonly DepthRange Range = new(0.1f, 10f);

    // 2x2 frame. gt = [1, 2, 4, 0], pred = [2, 1, 4, 3]; pixel 3 has gt 0 (invalid) and is left out.
    //   px0: g=1 p=2  d=+1  |d|/g=1    d^2/g=1    d^2=1  (ln2)^2   ratio 2 -> no delta
    //   px1: g=2 p=1  d=-1  |d|/g=0.5  d^2/g=0.5  d^2=1  (ln2)^2   ratio 2 -> no delta
    //   px2: g=4 p=4  d=0   0          0          0      0         ratio 1 -> delta1,2,3
    //   N=3: AbsRel=1.5/3=0.5, SqRel=1.5/3=0.5, RMSE=sqrt(2/3)=0.816497, RMSElog=ln2*sqrt(2/3)=0.565952,
    //   delta1=delta2=delta3=1/3.
    private static readonly float[] Gt2x2 = [1f, 2f, 4f, 0f];
    private static readonly float[] Pred2x2 = [2f, 1f, 4f, 3f];

    // 3x3 frame, gt 2 m except px7 = 11 m (beyond max 10: invalid) and px8 = 0 (invalid).
    // pred = [2.4, 3, 3.8, 5, NaN, 20, 0.05, 2, 2]; px4 NaN = missing; px5 clamped 20->10; px6 clamped 0.05->0.1.
    //   px0 p=2.4  |d|=0.4 absrel .2  sqrel .16/2=.08  d^2 .16  ratio 1.2 -> d1 d2 d3
    //   px1 p=3    |d|=1   absrel .5  sqrel 1/2=.5     d^2 1    ratio 1.5 -> d2 d3 (1.5 < 1.5625)
    //   px2 p=3.8  |d|=1.8 absrel .9  sqrel 3.24/2=1.62 d^2 3.24 ratio 1.9 -> d3 (1.9 < 1.953125)
    //   px3 p=5    |d|=3   absrel 1.5 sqrel 9/2=4.5    d^2 9    ratio 2.5 -> none
    //   px5 p=10   |d|=8   absrel 4   sqrel 64/2=32    d^2 64   ratio 5   -> none
    //   px6 p=0.1  |d|=1.9 absrel .95 sqrel 3.61/2=1.805 d^2 3.61 ratio 20 -> none
    //   N=6: AbsRel=8.05/6=1.341667  SqRel=40.505/6=6.750833  RMSE=sqrt(81.01/6)=3.674461
    //   RMSElog=sqrt((ln1.2^2+ln1.5^2+ln1.9^2+ln2.5^2+ln5^2+ln0.05^2)/6)=sqrt(13.01391/6)=1.472747
    //   delta1=1/6, delta2=2/6, delta3=3/6; counts: valid 7, missing 1, clamped 2.
    private static readonly float[] Gt3x3 = [2f, 2f, 2f, 2f, 2f, 2f, 2f, 11f, 0f];
    private static readonly float[] Pred3x3 = [2.4f, 3f, 3.8f, 5f, float.NaN, 20f, 0.05f, 2f, 2f];

    [Fact]
    public void Evaluate_2x2HandExample_MatchesHandValues()
    {
        var m = DepthEvaluator.Evaluate(Gt2x2, Pred2x2, Range);
        Assert.Equal(3, m.Pixels);
        Assert.Equal(0.5, m.AbsRel, 6);
        Assert.Equal(0.5, m.SqRel, 6);
        Assert.Equal(0.816497, m.Rmse, 6);
        Assert.Equal(0.565952, m.RmseLog, 6);
        Assert.Equal(1.0 / 3, m.Delta1, 9);
        Assert.Equal(1.0 / 3, m.Delta2, 9);
        Assert.Equal(1.0 / 3, m.Delta3, 9);
    }

    [Fact]
    public void Accumulate_3x3WithInvalidMissingAndClamped_MatchesHandValuesAndCounts()
    {
        var sums = default(DepthErrorSums);
        var counts = DepthEvaluator.Accumulate(Gt3x3, Pred3x3, Range, ref sums);
        Assert.Equal(new DepthPixelCounts(9, 7, 1, 2), counts);
        var m = sums.ToMetrics();
        Assert.Equal(6, m.Pixels);
        Assert.Equal(1.341667, m.AbsRel, 5);
        Assert.Equal(6.750833, m.SqRel, 5);
        Assert.Equal(3.674461, m.Rmse, 5);
        Assert.Equal(1.472747, m.RmseLog, 5);
        Assert.Equal(1.0 / 6, m.Delta1, 9);
        Assert.Equal(2.0 / 6, m.Delta2, 9);
        Assert.Equal(3.0 / 6, m.Delta3, 9);
    }

    [Fact]
    public void MeanOfFramesVsPooled_TwoHandFrames_DifferAsWorkedOut()
    {
        // Mean of frames: AbsRel (0.5 + 1.341667) / 2 = 0.920833; RMSE (0.816497 + 3.674461) / 2 = 2.245479.
        // Pooled over 9 pixels: AbsRel (1.5 + 8.05) / 9 = 1.061111; RMSE sqrt((2 + 81.01) / 9) = 3.036994.
        var a = default(DepthErrorSums);
        var b = default(DepthErrorSums);
        DepthEvaluator.Accumulate(Gt2x2, Pred2x2, Range, ref a);
        DepthEvaluator.Accumulate(Gt3x3, Pred3x3, Range, ref b);
        var mean = DepthMetrics.MeanOfFrames([a.ToMetrics(), b.ToMetrics(), DepthMetrics.Empty]);
        var pooled = a;
        pooled.Add(b);
        var p = pooled.ToMetrics();
        Assert.Equal(0.920833, mean.AbsRel, 5);
        Assert.Equal(2.245479, mean.Rmse, 5);
        Assert.Equal(9, mean.Pixels);
        Assert.Equal(1.061111, p.AbsRel, 5);
        Assert.Equal(3.036994, p.Rmse, 5);
        Assert.Equal(9, p.Pixels);
    }

    [Fact]
    public void Evaluate_NoValidGroundTruth_ReturnsNaNAndZeroPixels()
    {
        var m = DepthEvaluator.Evaluate([0f, float.NaN, float.PositiveInfinity, -1f], [1f, 1f, 1f, 1f], Range);
        Assert.Equal(0, m.Pixels);
        Assert.True(double.IsNaN(m.AbsRel));
    }

    [Fact]
    public void Accumulate_LengthMismatch_ThrowsArgumentException()
    {
        var sums = default(DepthErrorSums);
        Assert.Throws<ArgumentException>(() => DepthEvaluator.Accumulate(new float[4], new float[3], Range, ref sums));
    }

    [Fact]
    public void Bins_3x3HandExample_PixelsGoToTheirGroundTruthBin()
    {
        // Bins of 1 m over [0, 4): gt 1 -> bin 1, gt 2 -> bin 2, gt 4 (at the upper edge) -> last bin 3.
        var bins = new DepthErrorBins(0f, 4f, 4);
        var sums = default(DepthErrorSums);
        DepthEvaluator.Accumulate(Gt2x2, Pred2x2, Range, ref sums, bins);
        Assert.Equal(0, bins[0].Count);
        Assert.Equal(1, bins[1].Count);
        Assert.Equal(1.0, bins[1].ToMetrics().AbsRel, 9);   // px0: |2-1|/1
        Assert.Equal(1, bins[2].Count);
        Assert.Equal(0.5, bins[2].ToMetrics().AbsRel, 9);   // px1: |1-2|/2
        Assert.Equal(1, bins[3].Count);
        Assert.Equal(0.0, bins[3].ToMetrics().AbsRel, 9);
        Assert.Equal(2.5, bins.CenterM(2), 9);
    }

    [Fact]
    public void Accumulate_MatchesIndependentDoubleImplementation_OnRandomFrame()
    {
        // Independent straight-line implementation of the same definitions (LINQ, double) on random data.
        var rng = new Random(7);
        var gt = new float[500];
        var pred = new float[500];
        for (int i = 0; i < gt.Length; i++)
        {
            gt[i] = rng.NextDouble() < 0.2 ? 0f : (float)(0.05 + rng.NextDouble() * 12);
            pred[i] = (float)(0.05 + rng.NextDouble() * 12);
        }
        var m = DepthEvaluator.Evaluate(gt, pred, Range);
        var pairs = gt.Zip(pred).Where(t => t.First >= 0.1f && t.First <= 10f)
            .Select(t => (g: (double)t.First, p: Math.Clamp((double)t.Second, 0.1, 10.0))).ToList();
        Assert.Equal(pairs.Count, m.Pixels);
        Assert.Equal(pairs.Average(t => Math.Abs(t.p - t.g) / t.g), m.AbsRel, 4);
        Assert.Equal(Math.Sqrt(pairs.Average(t => (t.p - t.g) * (t.p - t.g))), m.Rmse, 4);
        Assert.Equal(pairs.Count(t => Math.Max(t.p / t.g, t.g / t.p) < 1.25) / (double)pairs.Count, m.Delta1, 9);
    }
}
