using CvM.Geometry;
using Xunit.Abstractions;

namespace CvM.Synthetic.Tests;

/// <summary>
/// Multi-view consistency: a frame's depth warped with the two poses into another frame agrees with that
/// frame's rendered depth on co-visible pixels.
/// </summary>
public sealed class WarpConsistencyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Warps every valid pixel of <paramref name="a"/> into view b; returns the relative errors against b's depth
    /// (bilinear, only where b's 4 neighbours are valid and smooth) and the number of pixels that landed in b.
    /// </summary>
    private static (List<double> Errors, int Landed) Warp(FrameBuffers a, Pose3 T_world_a, FrameBuffers b, Pose3 T_world_b, Intrinsics k)
    {
        var errors = new List<double>();
        var landed = 0;
        for (var v = 0; v < k.Height; v++)
            for (var u = 0; u < k.Width; u++)
            {
                var d = a.DepthHW[v * k.Width + u];
                if (d <= 0) continue;
                var pw = TestFrames.CamToWorld(T_world_a, TestFrames.BackProject(k, u, v, d));
                var pb = TestFrames.WorldToCam(T_world_b, pw);
                if (pb.Z <= 0.05) continue;
                var ub = k.Fx * pb.X / pb.Z + k.Cx;
                var vb = k.Fy * pb.Y / pb.Z + k.Cy;
                if (ub < 0 || vb < 0 || ub > k.Width - 1 || vb > k.Height - 1) continue;
                landed++;
                int u0 = Math.Min((int)ub, k.Width - 2), v0 = Math.Min((int)vb, k.Height - 2);
                double fu = ub - u0, fv = vb - v0;
                float d00 = b.DepthHW[v0 * k.Width + u0], d10 = b.DepthHW[v0 * k.Width + u0 + 1];
                float d01 = b.DepthHW[(v0 + 1) * k.Width + u0], d11 = b.DepthHW[(v0 + 1) * k.Width + u0 + 1];
                var lo = Math.Min(Math.Min(d00, d10), Math.Min(d01, d11));
                var hi = Math.Max(Math.Max(d00, d10), Math.Max(d01, d11));
                if (lo <= 0 || (hi - lo) / lo > 0.05) continue; // depth edge in b: not a smooth surface sample
                var db = (1 - fv) * ((1 - fu) * d00 + fu * d10) + fv * ((1 - fu) * d01 + fu * d11);
                errors.Add(Math.Abs(pb.Z - db) / db);
            }
        return (errors, landed);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, false)]
    [InlineData(13, true)]
    [InlineData(14, true)]
    public void WarpedDepth_TwoViewsOfPath_AgreesWithOtherViewWithinOnePercent(int seed, bool robot)
    {
        var scene = SceneGenerator.Create(seed);
        var path = robot ? CameraPath.Robot(scene, seed, 40) : CameraPath.Handheld(scene, seed, 40);
        var k = TestFrames.K160;
        var a = new FrameBuffers(k.Width, k.Height);
        var b = new FrameBuffers(k.Width, k.Height);
        var checkedPairs = 0;
        foreach (var (i, j) in new[] { (10, 16), (25, 31), (30, 38) })
        {
            var T_world_a = path.PoseAt(i);
            var T_world_b = path.PoseAt(j);
            var dist = PoseDistance.Between(T_world_a, T_world_b);
            if (dist.CentreDistanceMeters < 0.05 && dist.RotationAngleRadians < 0.05) continue; // no parallax
            checkedPairs++;
            scene.Render(T_world_a, k, a, i);
            scene.Render(T_world_b, k, b, j);
            var (errors, landed) = Warp(a, T_world_a, b, T_world_b, k);
            Assert.True(landed > k.Width * k.Height / 4, $"only {landed} pixels co-visible for frames {i}->{j}");
            var covisible = errors.Count(e => e < 0.01);
            Assert.True(covisible > landed / 2, $"only {covisible} of {landed} warped pixels agree within 1 %");
            var median = TestFrames.Median(errors);
            output.WriteLine($"seed {seed} robot {robot} frames {i}->{j}: baseline {dist.CentreDistanceMeters:F3} m, " +
                $"{dist.RotationAngleRadians * 180 / Math.PI:F1} deg, landed {landed}, co-visible {covisible}, median rel err {median:E2}");
            Assert.True(median < 0.01, $"median relative error {median:P3} for frames {i}->{j}");
            // Surfaces are exact planes, cylinders and spheres: the agreement should be far better than 1 %.
            Assert.True(median < 1e-3, $"median relative error {median:P4} for frames {i}->{j}");
        }
        Assert.True(checkedPairs >= 2);
    }

    [Fact]
    public void WarpedDepth_WrongPose_DisagreesByMoreThanOnePercent()
    {
        // Negative control: the same check with the target pose moved 15 cm along its optical axis must fail.
        var scene = SceneGenerator.Create(11);
        var path = CameraPath.Handheld(scene, 11, 40);
        var k = TestFrames.K160;
        var a = new FrameBuffers(k.Width, k.Height);
        var b = new FrameBuffers(k.Width, k.Height);
        var T_world_a = path.PoseAt(10);
        var T_world_b = path.PoseAt(16);
        scene.Render(T_world_a, k, a);
        scene.Render(T_world_b, k, b);
        var wrong = T_world_b * new Pose3(UnitQuaternion.Identity, new Vector3d(0, 0, 0.15));
        var (errors, _) = Warp(a, T_world_a, b, wrong, k);
        Assert.True(TestFrames.Median(errors) > 0.01, $"median {TestFrames.Median(errors):P3}");
    }
}
