using CvM.Evaluation.Metrics;
using CvM.Geometry;

namespace CvM.Evaluation.Driver;

/// <summary>
/// Keeps the last <c>offset</c> depth maps with their poses, so that frame i can be checked against frame
/// i - offset. Buffers are allocated on first use and reused; the instance owns them.
/// </summary>
internal sealed class ConsistencyHistory
{
    private readonly int _offset;
    private readonly float[][] _depthM;
    private readonly Pose3?[] _pose;
    private readonly Intrinsics?[] _k;
    private readonly bool[] _valid;

    public ConsistencyHistory(int offset)
    {
        _offset = offset;
        _depthM = new float[Math.Max(offset, 1)][];
        _pose = new Pose3?[_depthM.Length];
        _k = new Intrinsics?[_depthM.Length];
        _valid = new bool[_depthM.Length];
        for (int i = 0; i < _depthM.Length; i++) _depthM[i] = [];
    }

    public void Reset() => Array.Clear(_valid);

    /// <summary>
    /// Checks <paramref name="depthM"/> of frame <paramref name="index"/> against the stored frame index - offset
    /// (when there is one, with the same intrinsics and both poses known), then stores it in that slot.
    /// </summary>
    public ConsistencySums CheckAndStore(int index, ReadOnlySpan<float> depthM, bool hasDepth, Intrinsics K,
        Pose3? T_world_cam, DepthRange range)
    {
        var sums = default(ConsistencySums);
        if (_offset == 0) return sums;
        int slot = index % _offset;
        if (hasDepth && _valid[slot] && T_world_cam is { } Tsrc && _pose[slot] is { } Tnb && _k[slot] == K)
            MultiViewConsistency.Accumulate(depthM, _depthM[slot], K, Tsrc, Tnb, range, ref sums);
        _valid[slot] = hasDepth;
        if (hasDepth)
        {
            if (_depthM[slot].Length != depthM.Length) _depthM[slot] = new float[depthM.Length];
            depthM.CopyTo(_depthM[slot]);
            _pose[slot] = T_world_cam;
            _k[slot] = K;
        }
        return sums;
    }
}
