namespace CvM.Inference;

/// <summary>
/// Model-size planar normals <c>[3, h, w]</c> to camera-size interleaved unit normals and their colours. The resampling
/// is OpenCV's bilinear (<see cref="BilinearTables"/>) done separably: each model row of each plane is resampled to
/// the camera width once, then each camera row is the vertical blend of two of those rows, renormalised to unit length
/// (NaN where the length vanishes) and interleaved in one pass, and coloured while it is still in the L1 cache; no camera-size
/// intermediate image is written or read back. A non-finite model normal makes every camera pixel whose bilinear
/// footprint touches it NaN (colour 0). Reads the output array given at construction (caller-owned); owns its work
/// rows, built for one camera width and rebuilt (allocating) only when it changes. Not thread-safe.
/// </summary>
internal sealed class NormalsUpsampler
{
    private readonly int _mw, _mh;
    private readonly float[] _normalsB3HW;
    private float[] _wideRows = [], _xyzRow = [];

    /// <summary>Reads <paramref name="normalsB3HW"/> (<c>3 * height * width</c>) on every <see cref="Run"/>.</summary>
    public NormalsUpsampler(int width, int height, float[] normalsB3HW)
    {
        if (normalsB3HW.Length < 3 * width * height) throw new ArgumentException("normals array too short", nameof(normalsB3HW));
        (_mw, _mh, _normalsB3HW) = (width, height, normalsB3HW);
    }

    /// <summary>
    /// Writes <paramref name="xyz"/> (<c>3 * cw * ch</c>, interleaved) and/or <paramref name="rgb"/> (same length);
    /// an empty span skips that output.
    /// </summary>
    public void Run(BilinearTables tables, Span<float> xyz, Span<byte> rgb)
    {
        if (tables.SrcWidth != _mw || tables.SrcHeight != _mh) throw new ArgumentException("tables of another model size", nameof(tables));
        int cw = tables.DstWidth, ch = tables.DstHeight, rowLen = 3 * cw;
        if ((!xyz.IsEmpty && xyz.Length < rowLen * ch) || (!rgb.IsEmpty && rgb.Length < rowLen * ch)) throw new ArgumentException("output too short");
        EnsureRows(cw);
        var n = _mw * _mh;
        var wide = _wideRows.AsSpan();
        // Plane-major wide rows: plane c, model row r at (c * mh + r) * cw.
        for (var c = 0; c < 3; c++)
            for (var r = 0; r < _mh; r++)
                tables.Horizontal(_normalsB3HW.AsSpan(c * n + r * _mw, _mw), wide.Slice((c * _mh + r) * cw, cw));
        var planeStride = _mh * cw;
        for (var y = 0; y < ch; y++)
        {
            var (row0, row1, w0, w1) = tables.RowsOf(y);
            int r0 = row0 * cw, r1 = row1 * cw;
            var row = xyz.IsEmpty ? _xyzRow.AsSpan() : xyz.Slice(y * rowLen, rowLen);
            PixelKernels.BlendUnitInterleave(wide.Slice(r0, cw), wide.Slice(r1, cw), wide.Slice(planeStride + r0, cw), wide.Slice(planeStride + r1, cw),
                wide.Slice(2 * planeStride + r0, cw), wide.Slice(2 * planeStride + r1, cw), w0, w1, row);
            if (!rgb.IsEmpty) PixelKernels.UnitToByte(row, rgb.Slice(y * rowLen, rowLen));
        }
    }

    private void EnsureRows(int cw)
    {
        if (_xyzRow.Length == 3 * cw) return;
        _wideRows = new float[3 * _mh * cw];
        _xyzRow = new float[3 * cw];

    }
}
