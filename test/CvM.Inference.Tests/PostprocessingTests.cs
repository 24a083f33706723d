using OpenCvSharp;

namespace CvM.Inference.Tests;

/// <summary>
/// The post-processing kernels against independent implementations: OpenCV's own resize (bilinear, nearest-exact),
/// double-precision renormalisation, and each vector kernel against its scalar rule.
/// </summary>
public sealed class PostprocessingTests
{
    private const int Classes = 5;

    private static float[] RandomPlane(int n, int seed, float lo = -1, float hi = 1)
    {
        var rng = new Random(seed);
        var a = new float[n];
        for (var i = 0; i < n; i++) a[i] = lo + (hi - lo) * (float)rng.NextDouble();
        return a;
    }

    [Theory]
    [InlineData(128, 96, 640, 480)]
    [InlineData(160, 128, 640, 480)]
    [InlineData(13, 7, 50, 31)]
    [InlineData(32, 24, 64, 48)]
    public void BilinearTables_RandomPlane_MatchesOpenCvLinearResize(int sw, int sh, int dw, int dh)
    {
        var src = RandomPlane(sw * sh, 1, 0, 10);
        var tables = new BilinearTables(sw, sh, dw, dh);
        var wide = new float[sh * dw];
        for (var r = 0; r < sh; r++) tables.Horizontal(src.AsSpan(r * sw, sw), wide.AsSpan(r * dw, dw));
        var ours = new float[dw * dh];
        for (var y = 0; y < dh; y++)
        {
            var (r0, r1, w0, w1) = tables.RowsOf(y);
            PixelKernels.Blend(wide.AsSpan(r0 * dw, dw), wide.AsSpan(r1 * dw, dw), w0, w1, ours.AsSpan(y * dw, dw));
        }
        using var srcMat = Mat.FromPixelData(sh, sw, MatType.CV_32FC1, src);
        using var cv = new Mat();
        Cv2.Resize(srcMat, cv, new Size(dw, dh), 0, 0, InterpolationFlags.Linear);
        cv.GetArray(out float[] expected);
        // Same rule; OpenCV's build rounds its weights differently: within 5e-6 of the value range (0..10).
        for (var i = 0; i < ours.Length; i++) Assert.True(Math.Abs(ours[i] - expected[i]) <= 5e-5f, $"({i % dw},{i / dw}): {ours[i]} vs {expected[i]}");
        // The vector blocks and the scalar path give the same row.
        var scalar = new float[dw];
        tables.Horizontal(src.AsSpan(0, sw), scalar, allowSimd: false);
        Assert.Equal(scalar, wide.AsSpan(0, dw).ToArray());
    }

    [Theory]
    [InlineData(32, 24, 64, 48)]
    [InlineData(128, 96, 640, 480)]
    [InlineData(160, 128, 640, 480)]
    [InlineData(7, 5, 23, 17)]
    public void NearestUpsampler_AnyFactor_EachPixelTakesTheSourcePixelUnderItsCentre(int sw, int sh, int dw, int dh)
    {
        var src = new byte[3 * sw * sh];
        new Random(2).NextBytes(src);
        var dst = new byte[3 * dw * dh];
        new NearestUpsampler(sw, sh).Run<byte>(src, dst, dw, dh, 3);
        for (var y = 0; y < dh; y++)
            for (var x = 0; x < dw; x++)
            {
                int sx = (int)Math.Floor((x + 0.5) * sw / dw), sy = (int)Math.Floor((y + 0.5) * sh / dh);
                for (var c = 0; c < 3; c++) Assert.Equal(src[3 * (sy * sw + sx) + c], dst[3 * (y * dw + x) + c]);
            }
        if (dw % sw == 0 && dh % sh == 0)
        {
            // Integer factors: OpenCV's INTER_NEAREST_EXACT agrees.
            using var srcMat = Mat.FromPixelData(sh, sw, MatType.CV_8UC3, src);
            using var cv = new Mat();
            Cv2.Resize(srcMat, cv, new Size(dw, dh), 0, 0, (InterpolationFlags)6);
            cv.GetArray(out Vec3b[] expected);
            Assert.Equal(expected.SelectMany(v => new[] { v.Item0, v.Item1, v.Item2 }).ToArray(), dst);
        }
    }

    [Theory]
    [InlineData(640)]
    [InlineData(643)]
    [InlineData(5)]
    public void Interleave3_RandomPlanes_VectorEqualsScalar(int n)
    {
        float[] x = RandomPlane(n, 3), y = RandomPlane(n, 4), z = RandomPlane(n, 5);
        var simd = new float[3 * n];
        var scalar = new float[3 * n];
        PixelKernels.Interleave3(x, y, z, simd);
        PixelKernels.Interleave3(x, y, z, scalar, allowSimd: false);
        Assert.Equal(scalar, simd);
        for (var i = 0; i < n; i++) Assert.Equal([x[i], y[i], z[i]], simd.AsSpan(3 * i, 3).ToArray());
    }

    [Theory]
    [InlineData(640)]
    [InlineData(643)]
    public void BlendUnitInterleave_RandomRows_SameAsBlendRenormaliseInterleave(int n)
    {
        var rows = Enumerable.Range(0, 6).Select(i => RandomPlane(n, 20 + i)).ToArray();
        rows[0][5] = rows[1][5] = rows[2][5] = rows[3][5] = rows[4][5] = rows[5][5] = 0; // a vanishing normal: NaN
        const float wa = 0.6f, wb = 0.4f;
        float[] x = new float[n], y = new float[n], z = new float[n];
        PixelKernels.Blend(rows[0], rows[1], wa, wb, x);
        PixelKernels.Blend(rows[2], rows[3], wa, wb, y);
        PixelKernels.Blend(rows[4], rows[5], wa, wb, z);
        PixelKernels.Renormalise(x, y, z, allowSimd: false);
        var expected = new float[3 * n];
        PixelKernels.Interleave3(x, y, z, expected, allowSimd: false);
        foreach (var simd in new[] { true, false })
        {
            var fused = new float[3 * n];
            PixelKernels.BlendUnitInterleave(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], wa, wb, fused, simd);
            Assert.Equal(expected, fused);
        }
        Assert.True(float.IsNaN(expected[15]));
    }

    [Fact]
    public void UnitToByte_SpecialAndRandomValues_VectorEqualsScalarRule()
    {
        float[] special = [0f, 1f, -1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1.0000001f, -1.0000001f, 2f, -3f, 0.5f, -0.5f, 1e30f, -1e30f];
        byte[] expectedSpecial = [128, 255, 0, 0, 255, 0, 255, 0, 255, 0, 191, 64, 255, 0];
        var values = special.Concat(RandomPlane(64 * 3 + 7, 6, -1.2f, 1.2f)).ToArray();
        var simd = new byte[values.Length];
        PixelKernels.UnitToByte(values, simd);
        for (var i = 0; i < values.Length; i++) Assert.Equal(PixelKernels.ToByte(values[i]), simd[i]);
        Assert.Equal(expectedSpecial, simd.AsSpan(0, special.Length).ToArray());
        // Vector part covers the first 32-element blocks; shift the specials into them too.
        var shifted = RandomPlane(32, 7).Concat(special).Concat(special).ToArray();
        var shiftedOut = new byte[shifted.Length];
        PixelKernels.UnitToByte(shifted, shiftedOut);
        for (var i = 0; i < shifted.Length; i++) Assert.Equal(PixelKernels.ToByte(shifted[i]), shiftedOut[i]);
    }

    [Fact]
    public void Renormalise_RandomAndDegenerateVectors_UnitLengthOrNaNAsScalar()
    {
        const int n = 67;
        float[] x = RandomPlane(n, 8), y = RandomPlane(n, 9), z = RandomPlane(n, 10);
        (x[3], y[3], z[3]) = (0, 0, 0);
        (x[9], y[9], z[9]) = (float.NaN, 0, 1);
        (x[40], y[40], z[40]) = (0, 0, 1);
        (x[41], y[41], z[41]) = (0, 0, 2);
        float[] xs = (float[])x.Clone(), ys = (float[])y.Clone(), zs = (float[])z.Clone();
        float[] xv = (float[])x.Clone(), yv = (float[])y.Clone(), zv = (float[])z.Clone();
        PixelKernels.Renormalise(xs, ys, zs, allowSimd: false);
        PixelKernels.Renormalise(xv, yv, zv);
        Assert.Equal(xs, xv);
        Assert.Equal(ys, yv);
        Assert.Equal(zs, zv);
        for (var i = 0; i < n; i++)
        {
            if (i is 3 or 9)
            {
                Assert.True(float.IsNaN(xv[i]) && float.IsNaN(yv[i]) && float.IsNaN(zv[i]), $"{i}");
                continue;
            }
            var len = Math.Sqrt((double)x[i] * x[i] + (double)y[i] * y[i] + (double)z[i] * z[i]);
            Assert.InRange(Math.Abs(x[i] / len - xv[i]), 0, 1e-6);
            Assert.InRange(Math.Abs(y[i] / len - yv[i]), 0, 1e-6);
            Assert.InRange(Math.Abs(z[i] / len - zv[i]), 0, 1e-6);
        }
        Assert.Equal([0f, 0f, 1f], new[] { xv[40], yv[40], zv[40] });
        Assert.Equal([0f, 0f, 1f], new[] { xv[41], yv[41], zv[41] });
    }

    [Theory]
    [InlineData(32, 24, 64, 48)]
    [InlineData(128, 96, 640, 480)]
    public void Run_Normals_OpenCvBilinearOfPlanesRenormalisedInDouble(int mw, int mh, int cw, int ch)
    {
        using var dir = new TempDir();
        var manifest = ModelManifestLoader.Load(FixtureModel.WriteFull(dir.Path, mw, mh, Classes));
        var n = mw * mh;
        var normals = RandomPlane(3 * n, 11, -0.2f, 0.2f);
        for (var i = 2 * n; i < 3 * n; i++) normals[i] += 1; // mostly facing the camera, smoothly random
        var post = new OutputPostprocessor(mw, mh, manifest, DepthResizeMode.Bilinear, new float[n], new float[Classes * n], normals);
        using var both = new CvmOutputs(cw, ch);
        using var colourOnly = new CvmOutputs(cw, ch);
        post.Run(both, OutputKinds.Normals | OutputKinds.NormalsColor);
        post.Run(colourOnly, OutputKinds.NormalsColor);
        var planes = Enumerable.Range(0, 3).Select(c =>
        {
            using var m = Mat.FromPixelData(mh, mw, MatType.CV_32FC1, normals.AsSpan(c * n, n).ToArray());
            using var r = new Mat();
            Cv2.Resize(m, r, new Size(cw, ch), 0, 0, InterpolationFlags.Linear);
            r.GetArray(out float[] a);
            return a;
        }).ToArray();
        for (var i = 0; i < cw * ch; i++)
        {
            double x = planes[0][i], y = planes[1][i], z = planes[2][i];
            var len = Math.Sqrt(x * x + y * y + z * z);
            Assert.InRange(Math.Abs(x / len - both.NormalsXyz[3 * i]), 0, 1e-5);
            Assert.InRange(Math.Abs(y / len - both.NormalsXyz[3 * i + 1]), 0, 1e-5);
            Assert.InRange(Math.Abs(z / len - both.NormalsXyz[3 * i + 2]), 0, 1e-5);
            for (var c = 0; c < 3; c++) Assert.Equal(PixelKernels.ToByte(both.NormalsXyz[3 * i + c]), both.NormalsRgb[3 * i + c]);
        }
        // Colour alone: the same colours, and the normals buffer untouched.
        Assert.Equal(both.NormalsRgb, colourOnly.NormalsRgb);
        Assert.All(colourOnly.NormalsXyz, v => Assert.Equal(0f, v));
        Assert.Equal(OutputKinds.NormalsColor, colourOnly.Written);
    }
}
