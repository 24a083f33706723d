using CvM.Evaluation.Geometry;

namespace CvM.Evaluation.Tests.Metrics;

public class RigidPoseTests
{
    [Fact]
    public void FromTranslationQuaternion_90DegAboutZ_RotatesXToY()
    {
        // q = (0, 0, sin45, cos45): 90 deg about z maps (1,0,0) to (0,1,0); plus t = (1,2,3).
        double s = Math.Sqrt(0.5);
        var T = RigidPose.FromTranslationQuaternion(1, 2, 3, 0, 0, s, s);
        var (x, y, z) = T.Apply(1, 0, 0);
        Assert.Equal(1.0, x, 12);
        Assert.Equal(3.0, y, 12);
        Assert.Equal(3.0, z, 12);
    }

    [Fact]
    public void InverseCompose_RandomPose_GivesIdentity()
    {
        var T = RigidPose.FromTranslationQuaternion(0.4, -1.2, 2.5, 0.3, -0.1, 0.7, 0.5);
        var I = T.Inverse().Compose(T);
        var (x, y, z) = I.Apply(0.7, -0.3, 2.0);
        Assert.Equal(0.7, x, 12);
        Assert.Equal(-0.3, y, 12);
        Assert.Equal(2.0, z, 12);
    }

    [Fact]
    public void FromMatrix_RowMajor_ReadsTranslationFromLastColumn()
    {
        double[] m = [0, -1, 0, 5, 1, 0, 0, 6, 0, 0, 1, 7, 0, 0, 0, 1];
        var (x, y, z) = RigidPose.FromMatrix(m).Apply(1, 0, 0);
        Assert.Equal((5.0, 7.0, 7.0), (x, y, z));
    }
}
