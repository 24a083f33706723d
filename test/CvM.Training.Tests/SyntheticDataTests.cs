using System.Diagnostics;
using CvM.Geometry;
using CvM.Training.Data;
using Xunit.Abstractions;

namespace CvM.Training.Tests;

/// <summary>The generator-backed data source: held-out split, view selection, determinism, sample contents.</summary>
public class SyntheticDataTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1000)]
    [InlineData(7)]
    public void SceneSplit_TrainingAndEvalSeeds_NeverOverlap(int dataSeed)
    {
        var train = Enumerable.Range(0, 20000).Select(i => SceneSplit.TrainSceneSeed(dataSeed, i)).ToHashSet();
        var eval = Enumerable.Range(0, 2000).Select(i => SceneSplit.EvalSceneSeed(dataSeed, i)).ToHashSet();
        Assert.DoesNotContain(train, SceneSplit.IsHeldOut);
        Assert.All(eval, s => Assert.True(SceneSplit.IsHeldOut(s)));
        Assert.Empty(train.Intersect(eval));
        Assert.True(train.Count > 19900 && eval.Count > 1990, "seeds should rarely repeat");
        Assert.All(train.Concat(eval), s => Assert.True(s >= 0));
    }

    [Fact]
    public void SyntheticTripletSource_HeldOutFlag_DrawsOnlyFromItsSide()
    {
        var train = new SyntheticTripletSource(1000, 64, 64);
        var eval = new SyntheticTripletSource(1000, 64, 64, heldOut: true);
        for (long i = 0; i < 500; i++)
        {
            Assert.False(SceneSplit.IsHeldOut(train.SceneSeedOf(i)));
            Assert.True(SceneSplit.IsHeldOut(eval.SceneSeedOf(i)));
        }
    }

    [Fact]
    public void TryPickTwoNearest_LineOfCameras_PicksNearestBeyondBaseline()
    {
        // Cameras on the x axis every 2 cm; reference at index 10 (x = 0.20).
        var poses = Enumerable.Range(0, 20).Select(i => new Pose3(UnitQuaternion.Identity, new Vector3d(0.02 * i, 0, 0))).ToArray();
        Assert.True(ViewSelection.TryPickTwoNearest(poses, 10, 0, 9, 0.05, out var a, out var b));
        Assert.Equal(7, a); // 6 cm
        Assert.Equal(6, b); // 8 cm
        Assert.True(ViewSelection.TryPickTwoNearest(poses, 10, 0, 19, 0.05, out a, out b));
        Assert.Equal(0.06, Math.Abs(0.02 * (a - 10)), 9);
        Assert.Equal(0.06, Math.Abs(0.02 * (b - 10)), 9);
        Assert.NotEqual(a, b);
        Assert.False(ViewSelection.TryPickTwoNearest(poses, 10, 8, 9, 0.05, out _, out _));
        Assert.False(ViewSelection.TryPickTwoNearest(poses, 10, 10, 10, 0, out _, out _));
    }

    [Fact]
    public void SyntheticTripletSource_Get_DeterministicWithBaselineAndValidTruth()
    {
        var src = new SyntheticTripletSource(1000, 160, 128);
        var sw = Stopwatch.StartNew();
        var samples = Enumerable.Range(0, 6).Select(i => src.Get(i)).ToList();
        output.WriteLine($"{sw.Elapsed.TotalMilliseconds / samples.Count:F0} ms per sample at 160x128 (scene + path + 3 renders)");
        var again = src.Get(3);
        Assert.Equal(samples[3].RefRgb, again.RefRgb);
        Assert.Equal(samples[3].Src2Rgb, again.Src2Rgb);
        Assert.Equal(samples[3].T_src1_ref, again.T_src1_ref);
        Assert.NotEqual(samples[0].RefRgb, samples[1].RefRgb);
        int multiView = 0;
        foreach (var s in samples)
        {
            Assert.Equal(3 * 128 * 160, s.RefRgb.Length);
            Assert.All(s.RefRgb, v => Assert.InRange(v, 0f, 1f));
            double b1 = Baseline(s.T_src1_ref), b2 = Baseline(s.T_src2_ref);
            if (b1 == 0 && b2 == 0) continue; // duplicated fallback
            multiView++;
            Assert.True(b1 >= 0.05 - 1e-5 && b2 >= b1 - 1e-5, $"baselines {b1:F3} {b2:F3}");
            Assert.True(s.RefDepth.Count(d => d > 0) > 0.95 * s.RefDepth.Length);
            Assert.All(s.RefDepth, d => Assert.True(d == 0 || d is > 0.05f and < 15f));
            Assert.Contains(s.RefLabels, l => l == 12); // a wall somewhere
            int n = 128 * 160;
            for (int i = 0; i < n; i += 97)
            {
                if (s.RefDepth[i] <= 0) continue;
                double len = Math.Sqrt(s.RefNormals[i] * s.RefNormals[i] + s.RefNormals[n + i] * s.RefNormals[n + i] + s.RefNormals[2 * n + i] * s.RefNormals[2 * n + i]);
                Assert.Equal(1.0, len, 3);
            }
        }
        Assert.True(multiView >= 5, $"only {multiView} of 6 samples had two source views");
    }

    [Fact]
    public void SyntheticTripletSource_SceneScale_SameImagesDepthAndTranslationsScaledAlike()
    {
        const int W = 64, H = 48;
        var plain = new SyntheticTripletSource(1000, W, H);
        var scaled = new SyntheticTripletSource(1000, W, H, options: new SyntheticSourceOptions { SceneScaleMax = 1.5 });
        int compared = 0;
        var scales = new List<double>();
        for (int index = 0; index < 6; index++)
        {
            ViewTriplet a = plain.Get(index), b = scaled.Get(index);
            // Scaled baselines may qualify other views (then another reference or other sources): compare the rest.
            if (!a.RefRgb.AsSpan().SequenceEqual(b.RefRgb) || !a.Src1Rgb.AsSpan().SequenceEqual(b.Src1Rgb) || !a.Src2Rgb.AsSpan().SequenceEqual(b.Src2Rgb)) continue;
            compared++;
            var ratios = Enumerable.Range(0, W * H).Where(i => a.RefDepth[i] > 0).Select(i => (double)b.RefDepth[i] / a.RefDepth[i]).ToList();
            double s = ratios[0];
            Assert.InRange(s, 1 / 1.5 - 1e-6, 1.5 + 1e-6);
            Assert.All(ratios, r => Assert.Equal(s, r, 4));
            foreach (var (ta, tb) in new[] { (a.T_src1_ref, b.T_src1_ref), (a.T_src2_ref, b.T_src2_ref) })
                for (int k = 0; k < 16; k++)
                    Assert.Equal(k is 3 or 7 or 11 ? ta[k] * s : ta[k], tb[k], 4);
            Assert.Equal(a.RefLabels, b.RefLabels);
            Assert.Equal(a.RefNormals, b.RefNormals);
            scales.Add(s);
        }
        Assert.True(compared >= 3, $"only {compared} of 6 samples kept their source views");
        Assert.Contains(scales, s => Math.Abs(s - 1) > 0.02);
        Assert.Throws<ArgumentException>(() => new SyntheticSourceOptions { SceneScaleMax = 0.9 }.Validate());
    }

    private static double Baseline(float[] T) => Math.Sqrt(T[3] * T[3] + T[7] * T[7] + T[11] * T[11]);
}
