using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Selection;

/// <summary>
/// Picks the two source views of a frame: among the keyframes with age in [0, max age], camera-centre distance
/// &gt;= the minimum baseline and viewing-angle change &lt;= the maximum, the two nearest by camera-centre distance;
/// equal distances go to the older keyframe (smaller stamp, then smaller id). With fewer than two usable keyframes
/// the frame is duplicated (with exactly one, <see cref="KeyframeOptions.SingleViewPolicy"/> decides). Call it before
/// inserting the frame itself, so a frame is never its own source. Pure apart from <see cref="Outcomes"/>;
/// allocates nothing; not thread-safe (counters readable from any thread).
/// </summary>
public sealed class ViewSelector
{
    private readonly double _minBaselineM;
    private readonly double _maxAngleRad;
    private readonly long _maxAgeNs;
    private readonly SingleViewPolicy _singleViewPolicy;

    /// <summary>Creates a selector with the rules of <paramref name="options"/> (validated here).</summary>
    public ViewSelector(KeyframeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _minBaselineM = options.MinBaselineM;
        _maxAngleRad = options.MaxViewAngleDeg * Math.PI / 180;
        _maxAgeNs = options.MaxKeyframeAgeNs;
        _singleViewPolicy = options.SingleViewPolicy;
    }

    /// <summary>Every selection, by duplicate reason (<see cref="DuplicateReason.None"/> counts multi-view frames).</summary>
    public OutcomeCounts<DuplicateReason> Outcomes { get; } = new();

    /// <summary>A frame without a pose: duplicated, counted.</summary>
    public ViewSelection SelectWithoutPose()
    {
        Outcomes.Increment(DuplicateReason.NoPose);
        return ViewSelection.Duplicate(DuplicateReason.NoPose);
    }

    /// <summary>Selects the sources of the frame at <paramref name="stampNs"/> with pose <paramref name="T_world_cam"/>.</summary>
    public ViewSelection Select<TPayload>(KeyframeBuffer<TPayload> keyframes, long stampNs, in Pose3 T_world_cam)
    {
        ArgumentNullException.ThrowIfNull(keyframes);
        var selection = SelectCore(keyframes, stampNs, T_world_cam);
        Outcomes.Increment(selection.Reason);
        return selection;
    }

    private ViewSelection SelectCore<TPayload>(KeyframeBuffer<TPayload> keyframes, long stampNs, in Pose3 T_world_cam)
    {
        if (!PoseValidation.IsFinite(T_world_cam)) return ViewSelection.Duplicate(DuplicateReason.NoPose);
        var n = keyframes.Count;
        if (n == 0) return ViewSelection.Duplicate(DuplicateReason.EmptyBuffer);
        int byAge = 0, byBaseline = 0, byAngle = 0;
        int best1 = -1, best2 = -1;
        double d1 = double.NaN, d2 = double.NaN;
        for (var i = 0; i < n; i++)
        {
            ref readonly var kf = ref keyframes[i];
            var age = stampNs - kf.StampNs;
            if (age < 0 || age > _maxAgeNs)
            {
                byAge++;
                continue;
            }
            var distance = PoseDistance.Between(kf.T_world_cam, T_world_cam);
            if (!(distance.CentreDistanceMeters >= _minBaselineM))
            {
                byBaseline++;
                continue;
            }
            if (!(distance.RotationAngleRadians <= _maxAngleRad))
            {
                byAngle++;
                continue;
            }
            var d = distance.CentreDistanceMeters;
            if (best1 < 0 || Nearer(keyframes, i, d, best1, d1))
            {
                (best2, d2) = (best1, d1);
                (best1, d1) = (i, d);
            }
            else if (best2 < 0 || Nearer(keyframes, i, d, best2, d2))
            {
                (best2, d2) = (i, d);
            }
        }
        if (best2 >= 0)
            return new ViewSelection(ViewSelectionMode.Multiview, DuplicateReason.None, best1, best2, keyframes[best1].Id, keyframes[best2].Id,
                d1, d2, n, byAge, byBaseline, byAngle);
        if (best1 >= 0 && _singleViewPolicy == SingleViewPolicy.UseSingleViewTwice)
            return new ViewSelection(ViewSelectionMode.SingleViewTwice, DuplicateReason.None, best1, best1, keyframes[best1].Id, keyframes[best1].Id,
                d1, d1, n, byAge, byBaseline, byAngle);
        var reason = best1 >= 0 ? DuplicateReason.OneUsableView
            : byBaseline >= byAngle && byBaseline >= byAge ? DuplicateReason.NotEnoughBaseline
            : byAngle >= byAge ? DuplicateReason.AngleTooLarge
            : DuplicateReason.TooOld;
        return ViewSelection.Duplicate(reason, n, byAge, byBaseline, byAngle);
    }

    /// <summary>Candidate a is nearer than b: smaller distance, then smaller stamp, then smaller id.</summary>
    private static bool Nearer<TPayload>(KeyframeBuffer<TPayload> keyframes, int a, double da, int b, double db)
    {
        if (da != db) return da < db;
        ref readonly var ka = ref keyframes[a];
        ref readonly var kb = ref keyframes[b];
        return ka.StampNs != kb.StampNs ? ka.StampNs < kb.StampNs : ka.Id < kb.Id;
    }
}
