namespace CvM.Training.Eval;

/// <summary>
/// Test-time scale refinement of a multi-view depth map by photometric consistency (an evaluation experiment, not in
/// the node): finds the one factor <c>s</c> such that the reference's textured pixels, back-projected with
/// <c>s * depth</c> and moved into each source camera by <c>T_src_ref</c>, land on source pixels that look the same.
/// The cost of a candidate is 1 - ZNCC of 3x3 patches (capped; pixels that leave the source image or land behind it
/// cost the cap; there is no occlusion test, the cap bounds what an occluded pixel adds), summed
/// over the pixels and both sources; the candidates are <c>ln s</c> on a uniform grid of
/// ±<see cref="ScaleAlignOptions.MaxLogScale"/>, refined by a parabola through the minimum.
/// The images may be finer than the depth map (depth is sampled bilinearly, never across an invalid pixel): the
/// disparity the factor changes grows with the image size, so matching at twice the model size resolves it better.
/// Refused (factor 1) with too few usable pixels, a minimum on the search boundary or a flat cost curve.
/// Ownership: allocates its buffers once for one pair of sizes; not thread-safe; no allocation per call.
/// </summary>
public sealed class PhotometricScaleAligner
{
    /// <summary>Smallest squared gradient a pixel needs to count as textured at all (flat images have none).</summary>
    private const float MinGradient2 = 1e-8f;

    /// <summary>Smallest squared norm of a zero-mean 3x3 patch that ZNCC is computed for (below: a flat patch).</summary>
    private const double MinPatchNorm2 = 1e-10;

    /// <summary>Nearest a warped point may be to the source camera plane, metres (behind it: the cap).</summary>
    private const double MinSourceZ = 1e-3;

    private readonly int _w, _h, _dw, _dh;
    private readonly ScaleAlignOptions _o;
    private readonly float[] _rayX, _rayY, _depth, _refPatch, _gradient, _candidateDepth;
    private readonly int[] _candidate;
    private readonly double[] _costs;
    private int _count;

    /// <summary>Buffers for <paramref name="width"/> x <paramref name="height"/> images and a depth map of <paramref name="depthWidth"/> x <paramref name="depthHeight"/>.</summary>
    public PhotometricScaleAligner(int width, int height, int depthWidth, int depthHeight, ScaleAlignOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(depthWidth, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(depthHeight, 2);
        (_w, _h, _dw, _dh) = (width, height, depthWidth, depthHeight);
        _o = options ?? new ScaleAlignOptions();
        _o.Validate();
        _rayX = new float[_o.MaxPixels];
        _rayY = new float[_o.MaxPixels];
        _depth = new float[_o.MaxPixels];
        _refPatch = new float[9 * _o.MaxPixels];
        _gradient = new float[width * height];
        _candidate = new int[width * height];
        _candidateDepth = new float[width * height];
        _costs = new double[2 * _o.StepsPerSide + 1];
    }

    /// <summary>
    /// Estimates the factor for <paramref name="depthHW"/> (metres at the depth size; NaN or &lt;= 0 invalid) of the
    /// reference gray image <paramref name="refGrayHW"/> against two source gray images (any affine intensity scale).
    /// <paramref name="K9"/> is the row-major 3x3 at the image size; <c>T_src_ref</c> row-major 4x4 (reference camera
    /// to source camera, metres).
    /// </summary>
    public ScaleEstimate Estimate(ReadOnlySpan<float> refGrayHW, ReadOnlySpan<float> depthHW, ReadOnlySpan<float> K9,
        ReadOnlySpan<float> src1GrayHW, ReadOnlySpan<float> T_src1_ref16, ReadOnlySpan<float> src2GrayHW, ReadOnlySpan<float> T_src2_ref16)
    {
        int n = _w * _h;
        if (refGrayHW.Length < n || depthHW.Length < _dw * _dh || src1GrayHW.Length < n || src2GrayHW.Length < n
            || K9.Length < 9 || T_src1_ref16.Length < 16 || T_src2_ref16.Length < 16)
            throw new ArgumentException("buffers smaller than the aligner's sizes");
        SelectPixels(refGrayHW, depthHW, K9);
        if (_count < _o.MinPixels) return new ScaleEstimate(1, false, _count, 0);
        double step = _o.MaxLogScale / _o.StepsPerSide;
        int best = 0;
        double sum = 0;
        for (int i = 0; i < _costs.Length; i++)
        {
            double s = Math.Exp((i - _o.StepsPerSide) * step);
            _costs[i] = Cost(s, src1GrayHW, T_src1_ref16, K9) + Cost(s, src2GrayHW, T_src2_ref16, K9);
            sum += _costs[i];
            if (_costs[i] < _costs[best]) best = i;
        }
        double mean = sum / _costs.Length;
        double contrast = mean > 0 ? (mean - _costs[best]) / mean : 0;
        if (best == 0 || best == _costs.Length - 1 || contrast < _o.MinContrast) return new ScaleEstimate(1, false, _count, contrast);
        double a = _costs[best - 1], b = _costs[best], c = _costs[best + 1], den = a - 2 * b + c;
        double offset = den > 0 ? Math.Clamp(0.5 * (a - c) / den, -0.5, 0.5) : 0;
        return new ScaleEstimate(Math.Exp((best - _o.StepsPerSide + offset) * step), true, _count, contrast);
    }

    private void SelectPixels(ReadOnlySpan<float> gray, ReadOnlySpan<float> depth, ReadOnlySpan<float> K9)
    {
        double fx = K9[0], cx = K9[2], fy = K9[4], cy = K9[5];
        int m = 0;
        for (int y = 1; y < _h - 1; y++)
            for (int x = 1; x < _w - 1; x++) _gradient[m++] = Gradient2(gray, y * _w + x);
        var g = _gradient.AsSpan(0, m);
        g.Sort();
        float threshold = Math.Max(g[(int)(_o.TexturedQuantile * (m - 1))], MinGradient2);
        double sx = (double)_dw / _w, sy = (double)_dh / _h;
        // Candidates: textured pixels with valid depth (depth sampled once), in raster order.
        int candidates = 0;
        for (int y = 1; y < _h - 1; y++)
            for (int x = 1; x < _w - 1; x++)
            {
                int i = y * _w + x;
                if (Gradient2(gray, i) < threshold) continue;
                float d = SampleDepth(depth, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5);
                if (!(d > 0)) continue;
                _candidate[candidates] = i;
                _candidateDepth[candidates++] = d;
            }
        // Every k-th candidate, so that at most MaxPixels take part; flat patches are skipped.
        int keepEvery = Math.Max(1, (candidates + _o.MaxPixels - 1) / _o.MaxPixels);
        _count = 0;
        for (int c = 0; c < candidates && _count < _o.MaxPixels; c += keepEvery)
        {
            int i = _candidate[c];
            double mean = 0, norm = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) mean += gray[i + dy * _w + dx];
            mean /= 9;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) norm += (gray[i + dy * _w + dx] - mean) * (gray[i + dy * _w + dx] - mean);
            if (norm < MinPatchNorm2) continue;
            double inv = 1 / Math.Sqrt(norm);
            int k = 9 * _count;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) _refPatch[k++] = (float)((gray[i + dy * _w + dx] - mean) * inv);
            int y = i / _w, x = i - y * _w;
            _rayX[_count] = (float)((x - cx) / fx);
            _rayY[_count] = (float)((y - cy) / fy);
            _depth[_count] = _candidateDepth[c];
            _count++;
        }
    }

    private float Gradient2(ReadOnlySpan<float> gray, int i)
    {
        float gx = gray[i + 1] - gray[i - 1], gy = gray[i + _w] - gray[i - _w];
        return gx * gx + gy * gy;
    }

    /// <summary>Bilinear depth at depth-grid coordinates; NaN when any of the four neighbours is invalid.</summary>
    private float SampleDepth(ReadOnlySpan<float> depth, double u, double v)
    {
        u = Math.Clamp(u, 0, _dw - 1);
        v = Math.Clamp(v, 0, _dh - 1);
        int x0 = Math.Min((int)u, _dw - 2), y0 = Math.Min((int)v, _dh - 2);
        double ax = u - x0, ay = v - y0;
        int i = y0 * _dw + x0;
        float a = depth[i], b = depth[i + 1], c = depth[i + _dw], d = depth[i + _dw + 1];
        if (!(a > 0 && b > 0 && c > 0 && d > 0)) return float.NaN;
        return (float)((1 - ay) * (a + ax * (b - a)) + ay * (c + ax * (d - c)));
    }

    /// <summary>Mean capped 1 - ZNCC of the selected pixels at factor <paramref name="s"/> in one source.</summary>
    private double Cost(double s, ReadOnlySpan<float> src, ReadOnlySpan<float> T, ReadOnlySpan<float> K9)
    {
        double fx = K9[0], cx = K9[2], fy = K9[4], cy = K9[5], cap = _o.CostCap;
        double total = 0;
        Span<double> patch = stackalloc double[9];
        for (int p = 0; p < _count; p++)
        {
            double z = s * _depth[p], X = _rayX[p] * z, Y = _rayY[p] * z;
            double xs = T[0] * X + T[1] * Y + T[2] * z + T[3], ys = T[4] * X + T[5] * Y + T[6] * z + T[7], zs = T[8] * X + T[9] * Y + T[10] * z + T[11];
            double u = fx * xs / zs + cx, v = fy * ys / zs + cy;
            if (zs <= MinSourceZ || !(u >= 1 && v >= 1 && u <= _w - 2 && v <= _h - 2))
            {
                total += cap;
                continue;
            }
            double mean = 0;
            int c = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) mean += patch[c++] = Bilinear(src, u + dx, v + dy);
            mean /= 9;
            double dot = 0, norm = 0;
            for (int q = 0; q < 9; q++)
            {
                double val = patch[q] - mean;
                dot += val * _refPatch[9 * p + q];
                norm += val * val;
            }
            total += Math.Min(1 - (norm > MinPatchNorm2 ? dot / Math.Sqrt(norm) : 0), cap);
        }
        return total / _count;
    }

    private double Bilinear(ReadOnlySpan<float> img, double u, double v)
    {
        int x0 = Math.Min((int)u, _w - 2), y0 = Math.Min((int)v, _h - 2);
        double ax = u - x0, ay = v - y0;
        int i = y0 * _w + x0;
        double top = img[i] + ax * (img[i + 1] - img[i]);
        double bottom = img[i + _w] + ax * (img[i + _w + 1] - img[i + _w]);
        return top + ay * (bottom - top);
    }
}
