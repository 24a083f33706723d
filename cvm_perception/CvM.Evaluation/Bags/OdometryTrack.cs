using CvM.Geometry;

namespace CvM.Evaluation.Bags;

/// <summary>Camera poses by stamp, interpolated (linear translation, SLERP rotation) between odometry samples.</summary>
internal sealed class OdometryTrack
{
    private readonly long[] _stamps;
    private readonly Pose3[] _poses;
    private readonly long _maxGapNs;

    public OdometryTrack(IEnumerable<(long Stamp, Pose3 T_world_cam)> samples, long maxGapNs)
    {
        var sorted = samples.GroupBy(s => s.Stamp).Select(g => g.First()).OrderBy(s => s.Stamp).ToArray();
        _stamps = sorted.Select(s => s.Stamp).ToArray();
        _poses = sorted.Select(s => s.T_world_cam).ToArray();
        _maxGapNs = maxGapNs;
    }

    public int Count => _stamps.Length;

    /// <summary>T_world_cam at <paramref name="stampNs"/>, or null when no sample is close enough.</summary>
    public Pose3? PoseAt(long stampNs)
    {
        if (_stamps.Length == 0) return null;
        int pos = Array.BinarySearch(_stamps, stampNs);
        if (pos >= 0) return _poses[pos];
        pos = ~pos;
        bool hasBefore = pos > 0 && stampNs - _stamps[pos - 1] <= _maxGapNs;
        bool hasAfter = pos < _stamps.Length && _stamps[pos] - stampNs <= _maxGapNs;
        if (hasBefore && hasAfter)
        {
            double t = (stampNs - _stamps[pos - 1]) / (double)(_stamps[pos] - _stamps[pos - 1]);
            return Pose3.Interpolate(_poses[pos - 1], _poses[pos], t);
        }
        if (hasBefore) return _poses[pos - 1];
        if (hasAfter) return _poses[pos];
        return null;
    }
}
