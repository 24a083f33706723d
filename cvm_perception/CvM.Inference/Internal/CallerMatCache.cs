using OpenCvSharp;

namespace CvM.Inference.Internal;

/// <summary>
/// OpenCV headers over caller memory, kept for the last few distinct (address, size, type, step) keys so that a
/// caller whose frames rotate through a few pooled buffers (large arrays live on the non-moving large object
/// heap) gets a header without allocating. A header is used only while the caller's memory is pinned for the
/// current call. Owns the headers it holds.
/// </summary>
internal sealed class CallerMatCache : IDisposable
{
    private readonly Entry?[] _entries;
    private int _next;

    public CallerMatCache(int capacity) => _entries = new Entry?[capacity];

    /// <summary>Headers created so far (misses); a steady stream of misses means per-frame allocation.</summary>
    public long Misses { get; private set; }

    /// <summary>The input wrapper of a header over <paramref name="data"/> (must stay pinned during its use).</summary>
    public CvArrayHandle Get(IntPtr data, int rows, int cols, MatType type, long step)
    {
        foreach (var e in _entries)
            if (e is not null && e.Data == data && e.Rows == rows && e.Cols == cols && e.Type == type && e.Step == step)
                return e.Input;
        Misses++;
        _entries[_next]?.Dispose();
        var mat = Mat.FromPixelData(rows, cols, type, data, step);
        var entry = new Entry(data, rows, cols, type, step, mat, CvArrayHandle.Input(mat));
        _entries[_next] = entry;
        _next = (_next + 1) % _entries.Length;
        return entry.Input;
    }

    public void Dispose()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            _entries[i]?.Dispose();
            _entries[i] = null;
        }
    }

    private sealed record Entry(IntPtr Data, int Rows, int Cols, MatType Type, long Step, Mat Mat, CvArrayHandle Input) : IDisposable
    {
        public void Dispose()
        {
            Input.Dispose();
            Mat.Dispose();
        }
    }
}
