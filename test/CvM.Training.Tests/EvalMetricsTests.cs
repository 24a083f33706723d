using CvM.Evaluation.Metrics;
using CvM.Synthetic;
using CvM.Training.Data;
using CvM.Training.Eval;

namespace CvM.Training.Tests;

/// <summary>The evaluation's scoring on hand-made cases with known answers, and its image helpers.</summary>
public class EvalMetricsTests
{
    private static readonly DepthRange Range = new(0.3f, 10f);

    private static ViewTriplet Truth(int w, int h)
    {
        int n = w * h;
        var depth = Enumerable.Range(0, n).Select(i => 1f + i % 7 * 0.5f).ToArray();
        depth[0] = 0; // invalid
        var labels = Enumerable.Range(0, n).Select(i => (byte)(i % 3 == 0 ? 12 : i % 3 == 1 ? 5 : 0)).ToArray();
        var normals = new float[3 * n];
        for (int i = 0; i < n; i++) normals[2 * n + i] = -1; // facing the camera
        var id = new float[16];
        return new ViewTriplet(new float[3 * n], new float[3 * n], new float[3 * n], depth, labels, normals, new float[9], new float[9], id, id, h, w);
    }

    private static float[] Logits(byte[] labels, int classes = 14)
    {
        int n = labels.Length;
        var l = new float[classes * n];
        for (int i = 0; i < n; i++) l[labels[i] * n + i] = 5f;
        return l;
    }

    [Fact]
    public void FrameScorer_PerfectPrediction_GivesZeroErrorAndFullScores()
    {
        var t = Truth(8, 6);
        var labelsPred = t.RefLabels.Select(l => l == 0 ? (byte)12 : l).ToArray(); // void pixels are not scored
        var s = new FrameScorer(Range);
        s.Add(t, new CvmPrediction((float[])t.RefDepth.Clone(), Logits(labelsPred), (float[])t.RefNormals.Clone()));
        var m = s.ToMetrics("hand", "multiview");
        Assert.Equal(0, m.AbsRel, 12);
        Assert.Equal(0, m.Rmse, 12);
        Assert.Equal(1, m.Delta125, 12);
        Assert.Equal(1, m.MIoU!.Value, 12);
        Assert.Equal(0, m.NormalMeanAngleDeg!.Value, 3);
        Assert.Equal(1, m.Frames);
    }

    [Fact]
    public void FrameScorer_MedianScaled_RemovesAGlobalScaleAndReportsIt()
    {
        var t = Truth(8, 6);
        var s = new FrameScorer(Range);
        // A pure scale error of 1.1: metric AbsRel 0.1, shape error 0, scale error ln 1.1.
        s.Add(t, new CvmPrediction(t.RefDepth.Select(d => d * 1.1f).ToArray(), Logits(t.RefLabels), (float[])t.RefNormals.Clone()));
        var m = s.ToMetrics("hand", "multiview");
        Assert.Equal(0.1, m.AbsRel, 5);
        Assert.Equal(0, m.AbsRelMedianScaled!.Value, 6);
        Assert.Equal(Math.Log(1.1), m.ScaleErrorLog!.Value, 5);
    }

    [Fact]
    public void MedianScaled_ShapeError_ClosedFormOnThreePixels()
    {
        // gt 1, 2, 4; pred 1, 1, 1 -> ratios 1, 2, 4, median s = 2; scaled pred 2, 2, 2 -> |2-1|/1, 0, |2-4|/4 -> mean 0.5.
        var r = FrameScorer.MedianScaled([1f, 2f, 4f, 0f], [1f, 1f, 1f, float.NaN], Range)!.Value;
        Assert.Equal(0.5, r.AbsRel, 6);
        Assert.Equal(Math.Log(2), r.LogScale, 6);
        Assert.Null(FrameScorer.MedianScaled([0f, 20f], [1f, 1f], Range)); // no valid ground truth
    }

    [Fact]
    public void FrameScorer_KnownErrors_MatchClosedForm()
    {
        var t = Truth(8, 6);
        int n = 48;
        var depth = t.RefDepth.Select(d => d * 1.1f).ToArray(); // AbsRel 0.1, all within 1.25
        var normals = new float[3 * n];
        for (int i = 0; i < n; i++) (normals[i], normals[2 * n + i]) = (1f, -1f); // 45 degrees off
        // Predict wall everywhere: IoU(wall) = 16/32 (its 16 pixels over 16 + 16 floor pixels), IoU(floor) = 0.
        var labels = Enumerable.Repeat((byte)12, n).ToArray();
        var s = new FrameScorer(Range);
        s.Add(t, new CvmPrediction(depth, Logits(labels), normals));
        var m = s.ToMetrics("hand", "multiview");
        var valid = t.RefDepth.Where(d => d > 0).ToArray();
        double rmse = Math.Sqrt(valid.Average(d => 0.01 * d * d));
        Assert.Equal(0.1, m.AbsRel, 5);
        Assert.Equal(rmse, m.Rmse, 4);
        Assert.Equal(1, m.Delta125, 12);
        Assert.Equal(0.25, m.MIoU!.Value, 12);
        Assert.Equal(45, m.NormalMeanAngleDeg!.Value, 2);
    }

    [Fact]
    public void FrameScorer_UnlabelledFrames_ReportNoSemanticsOrNormals()
    {
        var t = Truth(4, 4) with { RefLabels = new byte[16], RefNormals = new float[48] };
        var s = new FrameScorer(Range);
        s.Add(t, new CvmPrediction(t.RefDepth.Select(d => d * 2).ToArray(), new float[14 * 16], new float[48]));
        var m = s.ToMetrics("real", "duplicated");
        Assert.Null(m.MIoU);
        Assert.Null(m.NormalMeanAngleDeg);
        Assert.Equal(1.0, m.AbsRel, 6);
        Assert.Equal(0, m.Delta125, 12);
    }

    /// <summary>Oracle predictor: ground truth when multi-view, twice the depth when duplicated.</summary>
    private sealed class Oracle : ICvmPredictor
    {
        public CvmPrediction Predict(ViewTriplet s, bool duplicate) => new(
            s.RefDepth.Select(d => duplicate ? 2 * d : d).ToArray(), Logits(s.RefLabels.Select(l => l == 0 ? (byte)1 : l).ToArray()), (float[])s.RefNormals.Clone());
    }

    [Fact]
    public void RunSet_OracleOnHeldOutScenes_MultiViewPerfectDuplicatedDoubled()
    {
        var src = new SyntheticTripletSource(1000, 48, 32, heldOut: true);
        var r = EvalRunner.RunSet("synthetic_heldout", Enumerable.Range(0, 2).Select(i => (ViewTriplet?)src.Get(i)), new Oracle(), Range);
        Assert.Equal("multiview", r[0].Mode);
        Assert.Equal(0, r[0].AbsRel, 9);
        Assert.Equal(1, r[0].MIoU!.Value, 9);
        Assert.Equal(0, r[0].NormalMeanAngleDeg!.Value, 2);
        Assert.Equal(2, r[1].Frames);
        Assert.InRange(r[1].AbsRel, 0.9, 1.0); // 2x depth, clamped to 10 m where 2 d > 10
    }

    [Fact]
    public void AreaRgbToPlanar_FiveByFiveBlocks_AveragesEachBlock()
    {
        int w = 10, h = 5;
        var rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = (y * w + x) * 3;
                rgb[i] = (byte)(x < 5 ? 50 : 200);
                rgb[i + 1] = (byte)(10 * y);
                rgb[i + 2] = (byte)(x + y);
            }
        var o = ImageResize.AreaRgbToPlanar(rgb, w, h, 3, 2, 1);
        Assert.Equal(50 / 255f, o[0], 5);
        Assert.Equal(200 / 255f, o[1], 5);
        Assert.Equal(20 / 255f, o[2], 5); // mean of 0..40
        Assert.Equal(4 / 255f, o[4], 5); // mean of x+y over x 0..4, y 0..4
        Assert.Equal(9 / 255f, o[5], 5);
    }

    [Fact]
    public void Nearest_HalfSize_TakesPixelUnderCentre()
    {
        var src = Enumerable.Range(0, 16).Select(i => (float)i).ToArray(); // 4x4
        Assert.Equal(new float[] { 5, 7, 13, 15 }, ImageResize.Nearest(src, 4, 4, 2, 2));
    }
}
