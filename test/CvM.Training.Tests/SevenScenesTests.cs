using CvM.Synthetic;
using CvM.Geometry;
using CvM.TestSupport;
using CvM.Training.Eval;

namespace CvM.Training.Tests;

/// <summary>The real 7-Scenes sequence reader (needs ../shared/data; skips without it).</summary>
public class SevenScenesTests
{
    private static SevenScenesSequence Open()
    {
        var data = RepoPaths.RequireSharedData();
        return new SevenScenesSequence(Path.Combine(data, "7scenes_redkitchen_seq50"));
    }

    [SkippableFact]
    public void Depth_WarpedBetweenFramesWithPoses_AgreesWithinCentimetres()
    {
        // The data README: depth warped 150 -> 165 with the poses, median |dz| about 10 mm. This exercises the PNG
        // decoder (16-bit, every filter type) and the pose reader end to end.
        var seq = Open();
        Assert.Equal(50, seq.Count);
        var dir = Path.Combine(RepoPaths.RequireSharedData(), "7scenes_redkitchen_seq50", "rgbd-frames");
        var a = PngReader.Read(Path.Combine(dir, "frame-000150.depth.png"));
        var b = PngReader.Read(Path.Combine(dir, "frame-000165.depth.png"));
        Assert.Equal((640, 480, 16), (a.Width, a.Height, a.BitDepth));
        var T_b_a = Pose3.Relative(seq.T_world_cam[15], seq.T_world_cam[0]);
        var k = seq.Camera;
        var diffs = new List<double>();
        for (int v = 0; v < 480; v += 4)
            for (int u = 0; u < 640; u += 4)
            {
                double z = a.Samples16[v * 640 + u] / 1000.0;
                if (z <= 0) continue;
                var p = T_b_a.TransformPoint(k.BackProject(u, v, z));
                if (!k.TryProject(p, out var ub, out var vb)) continue;
                int x = (int)Math.Round(ub), y = (int)Math.Round(vb);
                if (x < 0 || y < 0 || x >= 640 || y >= 480 || b.Samples16[y * 640 + x] == 0) continue;
                diffs.Add(Math.Abs(b.Samples16[y * 640 + x] / 1000.0 - p.Z));
            }
        diffs.Sort();
        Assert.True(diffs.Count > 5000);
        Assert.InRange(diffs[diffs.Count / 2], 0, 0.02);
    }

    [SkippableFact]
    public void Triplet_EveryFrame_SourcesAreNearestBeyondBaseline()
    {
        var seq = Open();
        for (int i = 0; i < seq.Count; i += 7)
        {
            var t = seq.Triplet(i, 128, 96, 0.05);
            Assert.NotNull(t);
            var c = seq.T_world_cam[i].Translation;
            var dists = Enumerable.Range(0, seq.Count).Where(j => j != i).Select(j => Vector3d.Distance(c, seq.T_world_cam[j].Translation))
                .Where(d => d >= 0.05).Order().ToArray();
            double b1 = Math.Sqrt(t.T_src1_ref[3] * t.T_src1_ref[3] + t.T_src1_ref[7] * t.T_src1_ref[7] + t.T_src1_ref[11] * t.T_src1_ref[11]);
            double b2 = Math.Sqrt(t.T_src2_ref[3] * t.T_src2_ref[3] + t.T_src2_ref[7] * t.T_src2_ref[7] + t.T_src2_ref[11] * t.T_src2_ref[11]);
            Assert.Equal(dists[0], b1, 4); // |t| of T_src_ref is the centre distance
            Assert.Equal(dists[1], b2, 4);
            Assert.Equal(128 * 96, t.RefDepth.Length);
            Assert.True(t.RefDepth.Count(d => d > 0.3f && d < 10f) > 0.5 * t.RefDepth.Length);
            Assert.Equal(585 * 128 / 640.0, t.K[0], 3);
        }
    }
}
