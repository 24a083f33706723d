using CvM.Inference.Internal;
using OpenCvSharp;

namespace CvM.Inference;

/// <summary>
/// Model-resolution outputs (planar, batch 1) to <see cref="CvmOutputs"/> at the camera resolution: depth set to NaN
/// outside [dmin, dmax] or non-finite (in the model-size output itself), then resized (bilinear or nearest, pixel
/// centres aligned; bilinear makes pixels next to an invalid one NaN too); semantics by argmax of
/// the logits at the model size, then nearest (pixel-centre exact) resize and a colour lookup; normals resized
/// bilinearly as interleaved xyz, renormalised to unit length, then coloured. Reads the three output arrays given at
/// construction (owned by the caller, pinned); owns its model-size work images. Not thread-safe.
/// </summary>
internal sealed class OutputPostprocessor : IDisposable
{
    /// <summary>OpenCV's INTER_NEAREST_EXACT (pixel-centre nearest neighbour; not in OpenCvSharp's enum).</summary>
    private const InterpolationFlags NearestExact = (InterpolationFlags)6;

    /// <summary>Relative slack on the depth range check (the model's own float arithmetic).</summary>
    private const float DepthRangeSlack = 1e-3f;

    private readonly int _w, _h, _classes;
    private readonly float[] _logitsBCHW;
    private readonly float[] _normalsB3HW;
    private readonly PinnedMat<float> _depthModel;
    private readonly PinnedMat<byte> _idsModel;
    private readonly PinnedMat<float> _normalsModelHWC;
    private readonly float[] _bestLogit;
    private readonly byte[] _lutRgb;
    private readonly float _dmin, _dmax;
    private readonly InterpolationFlags _depthInterpolation;

    public OutputPostprocessor(int width, int height, ModelManifest manifest, DepthResizeMode depthResize,
        float[] depthB1HW, float[] logitsBCHW, float[] normalsB3HW)
    {
        (_w, _h, _classes) = (width, height, manifest.Classes.Length);
        _logitsBCHW = logitsBCHW;
        _normalsB3HW = normalsB3HW;
        _depthModel = new PinnedMat<float>(depthB1HW, height, width, 1, MatType.CV_32FC1);
        _idsModel = new PinnedMat<byte>(height, width, 1, MatType.CV_8UC1);
        _normalsModelHWC = new PinnedMat<float>(height, width, 3, MatType.CV_32FC3);
        _bestLogit = new float[width * height];
        _lutRgb = new byte[3 * 256];
        foreach (var c in manifest.Classes) c.Rgb.CopyTo(_lutRgb, 3 * c.Id);
        _dmin = manifest.DepthMin * (1 - DepthRangeSlack);
        _dmax = manifest.DepthMax * (1 + DepthRangeSlack);
        _depthInterpolation = depthResize == DepthResizeMode.Nearest ? NearestExact : InterpolationFlags.Linear;
    }

    /// <summary>Writes the outputs selected by <paramref name="kinds"/> into <paramref name="outputs"/>.</summary>
    public void Run(CvmOutputs outputs, OutputKinds kinds)
    {
        var size = new Size(outputs.Width, outputs.Height);
        if ((kinds & OutputKinds.Depth) != 0) Depth(outputs, size);
        if ((kinds & (OutputKinds.Semantics | OutputKinds.SemanticsColor)) != 0) Semantics(outputs, size, kinds);
        if ((kinds & (OutputKinds.Normals | OutputKinds.NormalsColor)) != 0) Normals(outputs, size);
        outputs.Written = kinds;
    }

    public void Dispose()
    {
        _depthModel.Dispose();
        _idsModel.Dispose();
        _normalsModelHWC.Dispose();
    }

    private void Depth(CvmOutputs outputs, Size size)
    {
        // Invalid first, at the model size, so that no resize blends an out-of-range value into a plausible one.
        var m = _depthModel.Data.AsSpan();
        for (var i = 0; i < m.Length; i++)
        {
            var v = m[i];
            if (!(v >= _dmin && v <= _dmax)) m[i] = float.NaN;
        }
        CvArrayHandle.Resize(_depthModel.Input, outputs.DepthMat.Output, size, _depthInterpolation);
        var d = outputs.DepthMeters.AsSpan();
        for (var i = 0; i < d.Length; i++)
        {
            var v = d[i];
            if (!(v >= _dmin && v <= _dmax)) d[i] = float.NaN;
        }
    }

    private void Semantics(CvmOutputs outputs, Size size, OutputKinds kinds)
    {
        var n = _w * _h;
        var best = _bestLogit.AsSpan();
        var ids = _idsModel.Data.AsSpan();
        _logitsBCHW.AsSpan(0, n).CopyTo(best);
        ids.Clear();
        for (var c = 1; c < _classes; c++)
        {
            var plane = _logitsBCHW.AsSpan(c * n, n);
            var id = (byte)c;
            for (var i = 0; i < n; i++)
            {
                if (plane[i] > best[i])
                {
                    best[i] = plane[i];
                    ids[i] = id;
                }
            }
        }
        CvArrayHandle.Resize(_idsModel.Input, outputs.IdsMat.Output, size, NearestExact);
        if ((kinds & OutputKinds.SemanticsColor) == 0) return;
        var src = outputs.SemanticIds.AsSpan();
        var rgb = outputs.SemanticRgb.AsSpan();
        var lut = _lutRgb.AsSpan();
        for (int i = 0, o = 0; i < src.Length; i++, o += 3)
        {
            var l = 3 * src[i];
            rgb[o] = lut[l];
            rgb[o + 1] = lut[l + 1];
            rgb[o + 2] = lut[l + 2];
        }
    }

    private void Normals(CvmOutputs outputs, Size size)
    {
        var n = _w * _h;
        var hwc = _normalsModelHWC.Data.AsSpan();
        var nx = _normalsB3HW.AsSpan(0, n);
        var ny = _normalsB3HW.AsSpan(n, n);
        var nz = _normalsB3HW.AsSpan(2 * n, n);
        for (int i = 0, o = 0; i < n; i++, o += 3)
        {
            hwc[o] = nx[i];
            hwc[o + 1] = ny[i];
            hwc[o + 2] = nz[i];
        }
        CvArrayHandle.Resize(_normalsModelHWC.Input, outputs.NormalsMat.Output, size, InterpolationFlags.Linear);
        var xyz = outputs.NormalsXyz.AsSpan();
        var rgb = outputs.NormalsRgb.AsSpan();
        for (var o = 0; o < xyz.Length; o += 3)
        {
            float x = xyz[o], y = xyz[o + 1], z = xyz[o + 2];
            var len2 = x * x + y * y + z * z;
            if (!(len2 > 1e-12f) || !float.IsFinite(len2))
            {
                xyz[o] = xyz[o + 1] = xyz[o + 2] = float.NaN;
                rgb[o] = rgb[o + 1] = rgb[o + 2] = 0;
                continue;
            }
            var inv = 1f / MathF.Sqrt(len2);
            x *= inv;
            y *= inv;
            z *= inv;
            xyz[o] = x;
            xyz[o + 1] = y;
            xyz[o + 2] = z;
            rgb[o] = ToByte(x);
            rgb[o + 1] = ToByte(y);
            rgb[o + 2] = ToByte(z);
        }
    }

    private static byte ToByte(float unit) => (byte)Math.Clamp((unit + 1f) * 127.5f + 0.5f, 0f, 255f);
}
