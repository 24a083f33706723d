using CvM.Training.Data;
using CvM.Training.Eval;

namespace CvM.Training.Tests;

/// <summary>The eval's photometric scale-alignment experiment on exact synthetic geometry.</summary>
public class PhotometricScaleAlignerTests
{
    private const int W = 128, H = 96, Factor = 2;

    private static (ViewTriplet Model, ViewTriplet High) Sample(int index)
    {
        var options = new SyntheticSourceOptions { MinBaselineM = 0.05 };
        return (new SyntheticTripletSource(1000, W, H, heldOut: true, options).Get(index),
            new SyntheticTripletSource(1000, W * Factor, H * Factor, heldOut: true, options).Get(index));
    }

    private static ScaleEstimate Estimate(PhotometricScaleAligner aligner, ViewTriplet high, float[] depth, bool duplicate = false)
    {
        int n = high.Width * high.Height;
        float[] r = new float[n], s1 = new float[n], s2 = new float[n];
        ScaleAlignedPredictor.GrayFromPlanarRgb(high.RefRgb, r);
        ScaleAlignedPredictor.GrayFromPlanarRgb(duplicate ? high.RefRgb : high.Src1Rgb, s1);
        ScaleAlignedPredictor.GrayFromPlanarRgb(duplicate ? high.RefRgb : high.Src2Rgb, s2);
        float[] identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
        return aligner.Estimate(r, depth, high.K, s1, duplicate ? identity : high.T_src1_ref, s2, duplicate ? identity : high.T_src2_ref);
    }

    [Theory]
    [InlineData(1.10)]
    [InlineData(0.93)]
    public void Estimate_GroundTruthDepthOffByAFactor_RecoversFactorWithinTwoPercent(double wrong)
    {
        var aligner = new PhotometricScaleAligner(W * Factor, H * Factor, W, H);
        int applied = 0;
        for (int i = 0; i < 4; i++)
        {
            var (model, high) = Sample(i);
            var depth = model.RefDepth.Select(d => d > 0 ? (float)(d * wrong) : 0f).ToArray();
            var e = Estimate(aligner, high, depth);
            if (!e.Applied) continue;
            applied++;
            Assert.InRange(Math.Log(e.Factor * wrong), -0.02, 0.02);
            Assert.InRange(e.Pixels, 200, new ScaleAlignOptions().MaxPixels);
        }
        Assert.True(applied >= 3, $"only {applied} of 4 estimates applied");
    }

    [Fact]
    public void Estimate_DuplicatedSources_Refused()
    {
        var (model, high) = Sample(0);
        var e = Estimate(new PhotometricScaleAligner(W * Factor, H * Factor, W, H), high, model.RefDepth, duplicate: true);
        Assert.False(e.Applied);
        Assert.Equal(1.0, e.Factor);
    }

    [Fact]
    public void Estimate_NoValidDepth_RefusedWithNoPixels()
    {
        var (_, high) = Sample(0);
        var e = Estimate(new PhotometricScaleAligner(W * Factor, H * Factor, W, H), high, new float[W * H]);
        Assert.False(e.Applied);
        Assert.Equal(0, e.Pixels);
    }

    [Fact]
    public void Estimate_BuffersTooSmallOrBadOptions_Throws()
    {
        var aligner = new PhotometricScaleAligner(32, 24, 16, 12);
        var small = new float[10];
        var img = new float[32 * 24];
        Assert.Throws<ArgumentException>(() => aligner.Estimate(img, small, new float[9], img, new float[16], img, new float[16]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhotometricScaleAligner(32, 24, 16, 12, new ScaleAlignOptions { MinPixels = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhotometricScaleAligner(32, 24, 16, 12, new ScaleAlignOptions { MaxLogScale = 0 }));
    }

    [Fact]
    public void Predict_DuplicatedOrMultiView_PassesThroughOrRescales()
    {
        var (model, high) = Sample(1);
        var wrongDepth = model.RefDepth.Select(d => d * 1.1f).ToArray();
        var inner = new FixedPredictor(new CvmPrediction(wrongDepth, new float[14 * W * H], new float[3 * W * H]));
        var aligned = new ScaleAlignedPredictor(inner, W, H, Factor) { HighRes = high };
        Assert.Same(wrongDepth, aligned.Predict(model, duplicate: true).Depth);
        var multi = aligned.Predict(model, duplicate: false);
        Assert.Equal((1, 1), (aligned.Seen, aligned.Applied));
        int i = Array.FindIndex(model.RefDepth, d => d > 0);
        Assert.InRange(multi.Depth[i] / model.RefDepth[i], 0.98, 1.02);
        Assert.Equal(1.1f, wrongDepth[i] / model.RefDepth[i], 4);
    }

    [Fact]
    public void Predict_HighResSampleOfAnotherFrame_Throws()
    {
        var (model, _) = Sample(1);
        var (_, otherHigh) = Sample(2);
        var inner = new FixedPredictor(new CvmPrediction(model.RefDepth, new float[14 * W * H], new float[3 * W * H]));
        var aligned = new ScaleAlignedPredictor(inner, W, H, Factor) { HighRes = otherHigh };
        Assert.Throws<ArgumentException>(() => aligned.Predict(model, duplicate: false));
    }

    private sealed class FixedPredictor(CvmPrediction p) : ICvmPredictor
    {
        public CvmPrediction Predict(ViewTriplet sample, bool duplicate) => p;
    }
}
