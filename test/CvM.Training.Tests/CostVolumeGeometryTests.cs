using CvM.Training.Data;
using CvM.Training.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>Acceptance 2: the plane-sweep warp against independent double-precision projection and rendered views.</summary>
public class CostVolumeGeometryTests
{
    private const int W = 160, H = 128;

    private static (Tensor K, Tensor InvK, Tensor T1, Tensor T2) Geometry(ViewTriplet s) =>
        (tensor(s.K).reshape(1, 3, 3), tensor(s.InvK).reshape(1, 3, 3), tensor(s.T_src1_ref).reshape(1, 4, 4), tensor(s.T_src2_ref).reshape(1, 4, 4));

    [Fact]
    public void Project_GroundTruthDepth_MatchesIndependentProjectionWithinHalfPixel()
    {
        TorchFixture.Ensure();
        var s = new BoxRoomSource(11, W, H).Get(3);
        var (k, invK, t1, _) = Geometry(s);
        // One "plane" per pixel is too many: evaluate pixel rows of the full-resolution grid at their own depth by
        // giving each pixel its inverse depth through a 1-plane sweep per pixel column block.
        var cv = new PlaneSweepCostVolume("cv", 1, H, W, H, W);
        var invd = tensor(s.RefDepth.Select(d => d > 0 ? 1f / d : 0f).ToArray());
        double maxErr = 0;
        int checkedPixels = 0;
        var rng = new Random(5);
        for (int n = 0; n < 400; n++)
        {
            int u = rng.Next(W), v = rng.Next(H), i = v * W + u;
            float d = s.RefDepth[i];
            if (d <= 0) continue;
            var (uv, valid) = cv.Project(k, invK, t1, invd[i].reshape(1, 1));
            var uvAll = uv.reshape(2, H * W);
            double us = uvAll[0, i].item<float>(), vs = uvAll[1, i].item<float>();
            // Independent: X_ref = d K^-1 [u v 1], X_src = R X_ref + t, project with K (double precision).
            double fx = s.K[0], fy = s.K[4], cx = s.K[2], cy = s.K[5];
            double[] p = [(u - cx) / fx * d, (v - cy) / fy * d, d];
            var T = s.T_src1_ref;
            double xs = T[0] * p[0] + T[1] * p[1] + T[2] * p[2] + T[3];
            double ys = T[4] * p[0] + T[5] * p[1] + T[6] * p[2] + T[7];
            double zs = T[8] * p[0] + T[9] * p[1] + T[10] * p[2] + T[11];
            if (zs <= 0.05) continue;
            double ue = fx * xs / zs + cx, ve = fy * ys / zs + cy;
            maxErr = Math.Max(maxErr, Math.Max(Math.Abs(ue - us), Math.Abs(ve - vs)));
            checkedPixels++;
        }
        Assert.True(checkedPixels > 300);
        Assert.True(maxErr < 0.5, $"max reprojection difference {maxErr} px");
    }

    [Fact]
    public void Warp_GroundTruthDepth_SourceImageLandsOnReference()
    {
        TorchFixture.Ensure();
        var s = new BoxRoomSource(12, W, H).Get(0);
        var (k, invK, t1, _) = Geometry(s);
        var cv = new PlaneSweepCostVolume("cv", 32, H, W, H, W);
        // Sample the source image at the ground-truth depth of each reference pixel: use the plane nearest to it.
        var range = tensor(new float[] { 0.3f, 10f }).reshape(1, 2);
        var invd = cv.PlaneInverseDepths(range);
        var warped = cv.Warp(tensor(s.Src1Rgb).reshape(1, 3, H, W), k, invK, t1, invd); // [1,3,D,H,W]
        var planes = invd.reshape(32).data<float>().ToArray();
        int good = 0, total = 0;
        var w = warped.reshape(3, 32, H * W);
        var wData = w.data<float>().ToArray();
        var (uv, valid) = cv.Project(k, invK, t1, invd);
        var uvData = uv.reshape(2, 32, H * W).data<float>().ToArray();
        for (int i = 0; i < H * W; i += 7)
        {
            float d = s.RefDepth[i];
            if (d <= 0) continue;
            int best = 0;
            for (int p = 1; p < 32; p++) if (Math.Abs(planes[p] - 1 / d) < Math.Abs(planes[best] - 1 / d)) best = p;
            float us = uvData[best * H * W + i], vs = uvData[32 * H * W + best * H * W + i];
            if (us < 2 || vs < 2 || us > W - 3 || vs > H - 3) continue;
            // Only pixels whose depth is within 1 % of the plane's (so the warp is near-exact).
            if (Math.Abs(1 / planes[best] - d) / d > 0.01) continue;
            total++;
            double err = 0;
            for (int c = 0; c < 3; c++) err += Math.Abs(wData[c * 32 * H * W + best * H * W + i] - s.RefRgb[c * H * W + i]);
            if (err / 3 < 0.06) good++;
        }
        Assert.True(total > 50, $"only {total} pixels near a plane");
        Assert.True(good > 0.8 * total, $"{good}/{total} photometrically consistent");
    }

    [Fact]
    public void CostVolume_PatchFeatures_PeaksAtTrueDepthPlaneOnMostTexturedPixels()
    {
        TorchFixture.Ensure();
        var s = new BoxRoomSource(13, W, H).Get(1);
        var (k, invK, t1, t2) = Geometry(s);
        const int planes = 64;
        var cv = new PlaneSweepCostVolume("cv", planes, H, W, H, W);
        Tensor Features(float[] rgb)
        {
            // Zero-mean, unit-norm 5x5 grey patches (normalised cross-correlation features).
            var grey = tensor(rgb).reshape(1, 3, H, W).mean([1], keepdim: true);
            var p = nn.functional.unfold(grey, 5, padding: 2); // [1, 25, H*W]
            p = p - p.mean([1], keepdim: true);
            p = p / p.square().sum(1, keepdim: true).sqrt().Plus(1e-6f);
            return p.reshape(1, 25, H, W);
        }
        var fr = Features(s.RefRgb);
        var range = tensor(new float[] { 0.3f, 10f }).reshape(1, 2);
        var cost = cv.Forward(fr, [Features(s.Src1Rgb), Features(s.Src2Rgb)], k, invK, [t1, t2], range); // [1,D,H,W]
        var arg = cost.argmax(1).reshape(H * W).data<long>().ToArray();
        var invd = cv.PlaneInverseDepths(range).reshape(planes).data<float>().ToArray();
        // Texture: local grey-level standard deviation.
        var grey = tensor(s.RefRgb).reshape(1, 3, H, W).mean([1], keepdim: true);
        var std = (nn.functional.avg_pool2d(grey.square(), 5, 1, 2) - nn.functional.avg_pool2d(grey, 5, 1, 2).square()).AtLeast(0f).sqrt().reshape(H * W).data<float>().ToArray();
        int hits = 0, total = 0;
        for (int v = 4; v < H - 4; v++)
            for (int u = 4; u < W - 4; u++)
            {
                int i = v * W + u;
                if (s.RefDepth[i] <= 0 || std[i] < 0.04f) continue;
                int truth = 0;
                for (int p = 1; p < planes; p++) if (Math.Abs(invd[p] - 1 / s.RefDepth[i]) < Math.Abs(invd[truth] - 1 / s.RefDepth[i])) truth = p;
                total++;
                if (Math.Abs(arg[i] - truth) <= 1) hits++;
            }
        Assert.True(total > 1000, $"only {total} textured pixels");
        Assert.True(hits > 0.6 * total, $"peak at the true plane (+-1) on {hits}/{total} textured pixels");
    }
}
