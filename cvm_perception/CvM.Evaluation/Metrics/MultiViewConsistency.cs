using CvM.Geometry;

namespace CvM.Evaluation.Metrics;

/// <summary>
/// Multi-view consistency of predicted depth: each pixel (u, v) of the source frame with predicted depth d is
/// back-projected with K, p_src = d K^-1 [u v 1]^T, moved into the neighbour camera with
/// T_nb_src = inverse(T_world_nb) T_world_src, and projected with K to the nearest neighbour pixel (pixel centres at
/// integer coordinates). Where it lands in view on a valid neighbour prediction d_nb, the error is
/// |z_nb - d_nb| / d_nb (AbsRel-style). Occlusions are not modelled: an occluded point counts as an error, the same
/// for every depth source. Depths are valid when finite and inside the <see cref="DepthRange"/>.
/// Allocates nothing; the spans stay the caller's.
/// </summary>
public static class MultiViewConsistency
{
    /// <summary>Relative error under which a co-visible pixel counts as consistent.</summary>
    public const double ConsistentThreshold = 0.05;

    /// <summary>
    /// Adds the consistency of <paramref name="srcDepthM"/> against <paramref name="nbDepthM"/> (both metres,
    /// row-major, K's size, same intrinsics) into <paramref name="sums"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span does not match K's size.</exception>
    public static void Accumulate(ReadOnlySpan<float> srcDepthM, ReadOnlySpan<float> nbDepthM, Intrinsics K,
        in Pose3 T_world_src, in Pose3 T_world_nb, DepthRange range, ref ConsistencySums sums)
    {
        int w = K.Width, h = K.Height;
        if (srcDepthM.Length != w * h) throw new ArgumentException($"source depth has {srcDepthM.Length} pixels, K says {w}x{h}", nameof(srcDepthM));
        if (nbDepthM.Length != w * h) throw new ArgumentException($"neighbour depth has {nbDepthM.Length} pixels, K says {w}x{h}", nameof(nbDepthM));
        Span<double> T_nb_src = stackalloc double[16];
        Pose3.Relative(T_world_nb, T_world_src).ToMatrix4x4(T_nb_src);
        double r00 = T_nb_src[0], r01 = T_nb_src[1], r02 = T_nb_src[2], tx = T_nb_src[3];
        double r10 = T_nb_src[4], r11 = T_nb_src[5], r12 = T_nb_src[6], ty = T_nb_src[7];
        double r20 = T_nb_src[8], r21 = T_nb_src[9], r22 = T_nb_src[10], tz = T_nb_src[11];
        double fx = K.Fx, fy = K.Fy, cx = K.Cx, cy = K.Cy;
        double invFx = 1.0 / fx, invFy = 1.0 / fy;
        for (int v = 0; v < h; v++)
        {
            double yn = (v - cy) * invFy;
            for (int u = 0; u < w; u++)
            {
                float d = srcDepthM[v * w + u];
                if (!IsValid(d, range)) continue;
                sums.SourcePixels++;
                double px = (u - cx) * invFx * d, py = yn * d; // p_src = (px, py, d)
                double x = r00 * px + r01 * py + r02 * d + tx;
                double y = r10 * px + r11 * py + r12 * d + ty;
                double z = r20 * px + r21 * py + r22 * d + tz;
                if (!(z > 0))
                {
                    sums.OutOfView++;
                    continue;
                }
                int un = (int)Math.Round(fx * x / z + cx, MidpointRounding.AwayFromZero);
                int vn = (int)Math.Round(fy * y / z + cy, MidpointRounding.AwayFromZero);
                if ((uint)un >= (uint)w || (uint)vn >= (uint)h)
                {
                    sums.OutOfView++;
                    continue;
                }
                float dn = nbDepthM[vn * w + un];
                if (!IsValid(dn, range))
                {
                    sums.NoNeighbourDepth++;
                    continue;
                }
                double err = Math.Abs(z - dn) / dn;
                sums.CoVisible++;
                sums.AbsRel += err;
                if (err < ConsistentThreshold) sums.Under5Percent++;
            }
        }
    }

    private static bool IsValid(float d, DepthRange range) => float.IsFinite(d) && d >= range.MinM && d <= range.MaxM;
}
