using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Tests.Metrics;

public class SemanticConfusionTests
{
    // 3x3 label maps (13-class set; only classes 1..3 appear in ground truth):
    //   gt   = [1 1 2 / 2 2 3 / 0 3 3]
    //   pred = [1 2 2 / 2 1 3 / 5 3 0]
    // px6 is void in gt: ignored entirely (its prediction 5 counts for nobody). 8 scored pixels.
    // Confusion (gt,pred): (1,1)=1 px0, (1,2)=1 px1, (2,2)=2 px2,px3, (2,1)=1 px4, (3,3)=2 px5,px7,
    //   (3,invalid)=1 px8 (prediction 0 is not a class).
    // IoU1: TP 1, gt 2, pred 2 (px0,px4) -> 1/(2+2-1) = 1/3
    // IoU2: TP 2, gt 3, pred 3 (px1,px2,px3) -> 2/(3+3-2) = 1/2
    // IoU3: TP 2, gt 3 (incl. invalid), pred 2 -> 2/(3+2-2) = 2/3
    // mIoU over present classes {1,2,3} = (1/3 + 1/2 + 2/3)/3 = 0.5; pixel accuracy = (1+2+2)/8 = 0.625
    private static readonly byte[] Gt = [1, 1, 2, 2, 2, 3, 0, 3, 3];
    private static readonly byte[] Pred = [1, 2, 2, 2, 1, 3, 5, 3, 0];

    [Fact]
    public void Add_3x3HandExample_ConfusionCellsMatch()
    {
        var c = new SemanticConfusion();
        c.Add(Gt, Pred);
        Assert.Equal(1, c[1, 1]);
        Assert.Equal(1, c[1, 2]);
        Assert.Equal(2, c[2, 2]);
        Assert.Equal(1, c[2, 1]);
        Assert.Equal(2, c[3, 3]);
        Assert.Equal(1, c.InvalidPredictions(3));
        Assert.Equal(0, c[3, 5]);
        Assert.Equal(1, c.VoidGroundTruth);
        Assert.Equal(8, Enumerable.Range(1, 13).Sum(c.GroundTruthPixels));
    }

    [Fact]
    public void MeanIoU_3x3HandExample_IsHalf()
    {
        var c = new SemanticConfusion();
        c.Add(Gt, Pred);
        Assert.Equal(1.0 / 3, c.IoU(1), 12);
        Assert.Equal(0.5, c.IoU(2), 12);
        Assert.Equal(2.0 / 3, c.IoU(3), 12);
        Assert.True(double.IsNaN(c.IoU(5)));
        Assert.Equal(0.5, c.MeanIoU(), 12);
        Assert.Equal(0.625, c.PixelAccuracy(), 12);
    }

    [Fact]
    public void MeanIoU_ClassOnlyPredicted_HasZeroIoUButIsNotAveraged()
    {
        // gt [1 1], pred [1 4]: IoU1 = 1/(2+1-1) = 1/2; IoU4 = 0/(0+1-0) = 0, but class 4 is absent from gt,
        // so mIoU = IoU1 = 0.5; pixel accuracy 1/2.
        var c = new SemanticConfusion();
        c.Add([1, 1], [1, 4]);
        Assert.Equal(0.0, c.IoU(4), 12);
        Assert.Equal(0.5, c.MeanIoU(), 12);
        Assert.Equal(0.5, c.PixelAccuracy(), 12);
    }

    [Fact]
    public void Add_GroundTruthAboveClassCount_IsIgnoredAndCounted()
    {
        var c = new SemanticConfusion();
        c.Add([14, 40, 2], [14, 40, 2]);
        Assert.Equal(2, c.IgnoredGroundTruth);
        Assert.Equal(1.0, c.PixelAccuracy(), 12);
        Assert.Equal(1.0, c.MeanIoU(), 12);
    }

    [Fact]
    public void Add_TwoFrames_EqualsOneConcatenatedFrame()
    {
        var rng = new Random(3);
        var gt = new byte[200];
        var pred = new byte[200];
        rng.NextBytes(gt);
        rng.NextBytes(pred);
        for (int i = 0; i < gt.Length; i++) { gt[i] %= 15; pred[i] %= 15; }
        var split = new SemanticConfusion();
        split.Add(gt.AsSpan(0, 77), pred.AsSpan(0, 77));
        split.Add(gt.AsSpan(77), pred.AsSpan(77));
        var whole = new SemanticConfusion();
        whole.Add(gt, pred);
        Assert.Equal(whole.ToRows().SelectMany(r => r), split.ToRows().SelectMany(r => r));
        Assert.Equal(whole.MeanIoU(), split.MeanIoU(), 12);
    }

    [Fact]
    public void Add_LengthMismatch_ThrowsArgumentException()
    {
        var c = new SemanticConfusion();
        Assert.Throws<ArgumentException>(() => c.Add(new byte[3], new byte[2]));
    }
}
