using CvM.Evaluation.Bags;

namespace CvM.Evaluation.Tests.Bags;

public class StampPairingTests
{
    [Fact]
    public void Pair_HandExample_NearestUnusedWithinGap()
    {
        // rgb 100, 200, 300, 400; depth 105, 195, 330, 1000; gap 20:
        // 100 -> 105 (5); 200 -> 195 (5); 300 -> 330 is 30 > 20: unpaired; 400: nothing near; depth 1000 unused.
        var pairs = StampPairing.Pair([100, 200, 300, 400], [105, 195, 330, 1000], 20);
        Assert.Equal([(100L, 105L), (200L, 195L)], pairs);
    }

    [Fact]
    public void Pair_TwoRgbNearOneDepth_DepthUsedOnce()
    {
        // rgb 100 and 104 both within 5 of depth 102: the first takes it, the second has none left.
        var pairs = StampPairing.Pair([100, 104], [102], 5);
        Assert.Equal([(100L, 102L)], pairs);
    }
}
