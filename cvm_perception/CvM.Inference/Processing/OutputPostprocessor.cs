using System.Numerics;
using System.Runtime.InteropServices;

namespace CvM.Inference;

/// <summary>
/// Model-resolution outputs (planar, batch 1) to <see cref="CvmOutputs"/> at the camera resolution, writing only the
/// outputs asked for: depth set to NaN outside [dmin, dmax] or non-finite (in the model-size output itself), then
/// resized (OpenCV's bilinear rule, see <see cref="BilinearTables"/>: pixels next to an invalid one become NaN too, and
/// the range is never left otherwise; or pixel-centre nearest, see <see cref="NearestUpsampler"/>); semantics by argmax of the logits
/// at the model size, coloured there, then both resized by pixel-centre nearest (a pure selection, so colours equal
/// the lookup of the resized ids); normals bilinear, renormalised, interleaved and coloured row by row
/// (<see cref="NormalsUpsampler"/>). Reads the three output arrays given at construction (owned by the caller,
/// pinned); owns its work buffers (managed only). Not thread-safe.
/// </summary>
internal sealed class OutputPostprocessor
{
    /// <summary>Relative slack on the depth range check (the model's own float arithmetic).</summary>
    private const float DepthRangeSlack = 1e-3f;

    private readonly int _w, _h, _classes;
    private readonly float[] _logitsBCHW;
    private readonly float[] _depthB1HW;
    private readonly NormalsUpsampler _normals;
    private readonly NearestUpsampler _nearest;
    private readonly byte[] _idsModel;
    private readonly byte[] _rgbModel;
    private readonly float[] _bestLogit;
    private readonly int[] _bestId;
    private readonly byte[] _lutRgb;
    private readonly float _dmin, _dmax;
    private readonly DepthResizeMode _depthResize;
    private BilinearTables? _bilinear;
    private float[] _depthWide = [];

    public OutputPostprocessor(int width, int height, ModelManifest manifest, DepthResizeMode depthResize,
        float[] depthB1HW, float[] logitsBCHW, float[] normalsB3HW)
    {
        (_w, _h, _classes) = (width, height, manifest.Classes.Length);
        var n = width * height;
        _logitsBCHW = logitsBCHW;
        _depthB1HW = depthB1HW;
        _normals = new NormalsUpsampler(width, height, normalsB3HW);
        _nearest = new NearestUpsampler(width, height);
        _idsModel = new byte[n];
        _rgbModel = new byte[3 * n];
        _bestLogit = new float[n];
        _bestId = new int[n];
        _lutRgb = new byte[3 * 256];
        foreach (var c in manifest.Classes) c.Rgb.CopyTo(_lutRgb, 3 * c.Id);
        _dmin = manifest.DepthMin * (1 - DepthRangeSlack);
        _dmax = manifest.DepthMax * (1 + DepthRangeSlack);
        _depthResize = depthResize;
    }

    /// <summary>Writes the outputs selected by <paramref name="kinds"/> into <paramref name="outputs"/>.</summary>
    public void Run(CvmOutputs outputs, OutputKinds kinds)
    {
        if ((kinds & OutputKinds.Depth) != 0) Depth(outputs);
        if ((kinds & (OutputKinds.Semantics | OutputKinds.SemanticsColor)) != 0) Semantics(outputs, kinds);
        if ((kinds & (OutputKinds.Normals | OutputKinds.NormalsColor)) != 0)
        {
            _normals.Run(Bilinear(outputs.Width, outputs.Height), (kinds & OutputKinds.Normals) != 0 ? outputs.NormalsXyz : [],
                (kinds & OutputKinds.NormalsColor) != 0 ? outputs.NormalsRgb : []);
        }
        outputs.Written = kinds;
    }

    private void Depth(CvmOutputs outputs)
    {
        // Invalid first, at the model size: a resize then never blends an out-of-range value into a plausible one, and
        // bilinear weights of in-range values stay in range, so the camera-size image needs no second pass.
        var m = _depthB1HW.AsSpan(0, _w * _h);
        for (var i = 0; i < m.Length; i++)
        {
            var v = m[i];
            if (!(v >= _dmin && v <= _dmax)) m[i] = float.NaN;
        }
        if (_depthResize == DepthResizeMode.Nearest)
        {
            _nearest.Run<float>(m, outputs.DepthMeters, outputs.Width, outputs.Height, 1);
            return;
        }
        // Separable bilinear: model rows to the camera width once, then each camera row is a blend of two of them.
        var tables = Bilinear(outputs.Width, outputs.Height);
        int cw = outputs.Width, ch = outputs.Height;
        var wide = _depthWide.AsSpan();
        for (var r = 0; r < _h; r++) tables.Horizontal(m.Slice(r * _w, _w), wide.Slice(r * cw, cw));
        var depth = outputs.DepthMeters.AsSpan();
        for (var y = 0; y < ch; y++)
        {
            var (r0, r1, w0, w1) = tables.RowsOf(y);
            PixelKernels.Blend(wide.Slice(r0 * cw, cw), wide.Slice(r1 * cw, cw), w0, w1, depth.Slice(y * cw, cw));
        }
    }

    /// <summary>Bilinear tables and depth rows for the camera size (rebuilt, allocating, only when it changes).</summary>
    private BilinearTables Bilinear(int cw, int ch)
    {
        if (_bilinear is { } t && t.DstWidth == cw && t.DstHeight == ch) return t;
        _bilinear = new BilinearTables(_w, _h, cw, ch);
        _depthWide = new float[_h * cw];
        return _bilinear;
    }

    private void Semantics(CvmOutputs outputs, OutputKinds kinds)
    {
        var n = _w * _h;
        var best = _bestLogit.AsSpan();
        var bestId = _bestId.AsSpan();
        _logitsBCHW.AsSpan(0, n).CopyTo(best);
        bestId.Clear();
        var vn = n - n % Vector<float>.Count;
        var bestV = MemoryMarshal.Cast<float, Vector<float>>(best[..vn]);
        var idV = MemoryMarshal.Cast<int, Vector<int>>(bestId[..vn]);
        for (var c = 1; c < _classes; c++)
        {
            var plane = _logitsBCHW.AsSpan(c * n, n);
            var planeV = MemoryMarshal.Cast<float, Vector<float>>(plane[..vn]);
            var cV = new Vector<int>(c);
            for (var i = 0; i < planeV.Length; i++)
            {
                var greater = Vector.GreaterThan(planeV[i], bestV[i]);
                bestV[i] = Vector.ConditionalSelect(greater, planeV[i], bestV[i]);
                idV[i] = Vector.ConditionalSelect(greater, cV, idV[i]);
            }
            for (var i = vn; i < n; i++)
            {
                if (plane[i] > best[i])
                {
                    best[i] = plane[i];
                    bestId[i] = c;
                }
            }
        }
        if ((kinds & OutputKinds.Semantics) != 0)
        {
            var ids = _idsModel.AsSpan();
            for (var i = 0; i < n; i++) ids[i] = (byte)bestId[i];
            _nearest.Run<byte>(ids, outputs.SemanticIds, outputs.Width, outputs.Height, 1);
        }
        if ((kinds & OutputKinds.SemanticsColor) != 0)
        {
            // Coloured at the model size, then selected: the same colours as a lookup of the resized ids.
            var rgb = _rgbModel.AsSpan();
            var lut = _lutRgb.AsSpan();
            for (int i = 0, o = 0; i < n; i++, o += 3)
            {
                var l = 3 * bestId[i];
                (rgb[o], rgb[o + 1], rgb[o + 2]) = (lut[l], lut[l + 1], lut[l + 2]);
            }
            _nearest.Run<byte>(rgb, outputs.SemanticRgb, outputs.Width, outputs.Height, 3);
        }
    }
}
