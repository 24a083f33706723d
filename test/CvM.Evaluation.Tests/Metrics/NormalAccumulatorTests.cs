using System.Numerics;
using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Tests.Metrics;

public class NormalAccumulatorTests
{
    private static Vector3 Tilted(double deg) => new((float)Math.Tan(deg * Math.PI / 180), 0f, 1f);

    [Fact]
    public void ToMetrics_3x3HandExample_MatchesHandValues()
    {
        // gt: (0,0,1) everywhere except px8 = (NaN,0,0) (invalid).
        // pred: px0 (0,0,1) 0deg; px1 (0,0,5) 0deg (not unit: normalised); px2 tilted 10deg; px3 20deg;
        //       px4 25deg; px5 (1,0,1) 45deg; px6 (0,1,0) 90deg; px7 (0,0,0) invalid; px8 any.
        // valid angles [0,0,10,20,25,45,90]: mean 190/7 = 27.142857, median 20,
        // <11.25: 3/7, <22.5: 4/7, <30: 5/7; invalid 2.
        var up = new Vector3(0, 0, 1);
        Vector3[] gt = [up, up, up, up, up, up, up, up, new(float.NaN, 0, 0)];
        Vector3[] pred = [up, new(0, 0, 5), Tilted(10), Tilted(20), Tilted(25), new(1, 0, 1), new(0, 1, 0), Vector3.Zero, up];
        var acc = new NormalAccumulator();
        acc.Add(gt, pred);
        var m = acc.ToMetrics();
        Assert.Equal(7, m.Pixels);
        Assert.Equal(2, m.InvalidPixels);
        Assert.Equal(27.142857, m.MeanDeg, 4);
        Assert.Equal(20.0, m.MedianDeg, 2);
        Assert.Equal(3.0 / 7, m.Under11_25, 9);
        Assert.Equal(4.0 / 7, m.Under22_5, 9);
        Assert.Equal(5.0 / 7, m.Under30, 9);
    }

    [Fact]
    public void ToMetrics_EvenCount_MedianIsMeanOfMiddleTwo()
    {
        // 2x2 as xyz floats: angles [0, 10, 20, 90] -> median (10 + 20)/2 = 15, mean 120/4 = 30.
        var t10 = Tilted(10);
        var t20 = Tilted(20);
        float[] gt = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1];
        float[] pred = [0, 0, 1, t10.X, 0, 1, t20.X, 0, 1, 1, 0, 0];
        var acc = new NormalAccumulator();
        acc.Add(gt, pred);
        var m = acc.ToMetrics();
        Assert.Equal(15.0, m.MedianDeg, 2);
        Assert.Equal(30.0, m.MeanDeg, 4);
    }

    [Fact]
    public void AngleDeg_OppositeAndTinyAngles_AreAccurate()
    {
        Assert.Equal(180.0, NormalAccumulator.AngleDeg(new(0, 0, 1), new(0, 0, -1)), 9);
        // 1e-4 rad = 0.0057296 deg, where acos of a float dot product would lose it.
        Assert.Equal(1e-4 * 180 / Math.PI, NormalAccumulator.AngleDeg(new(0, 0, 1), new(1e-4f, 0, 1)), 7);
    }

    [Fact]
    public void ToMetrics_NothingValid_ReturnsNaN()
    {
        var acc = new NormalAccumulator();
        acc.Add([Vector3.Zero], [new Vector3(0, 0, 1)]);
        var m = acc.ToMetrics();
        Assert.True(double.IsNaN(m.MeanDeg));
        Assert.Equal(1, m.InvalidPixels);
    }
}
