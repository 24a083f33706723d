using CvM.Geometry;

namespace CvM.Keyframes.Poses;

/// <summary>
/// A time-ordered ring of stamped transforms T_a_b (odometry's T_odom_base, a TF edge's T_parent_child, or
/// T_world_cam), with lookup at any stamp by interpolation between the two bracketing samples (linear in
/// translation, SLERP in rotation). Arrays are allocated once at construction; adding and looking up allocate
/// nothing. Not thread-safe: one owner adds and looks up; <see cref="Outcomes"/> may be read from any thread.
/// Incoming samples are checked (non-finite, non-unit quaternion, stamps not increasing) and every drop is counted;
/// the history always stays strictly increasing in stamp.
/// </summary>
public sealed class PoseBuffer
{
    private readonly long[] _stampsNs;
    private readonly Pose3[] _poses;
    private readonly double _normTolerance;
    private readonly long _clockResetNs;
    private readonly long _maxGapNs;
    private int _head;
    private int _count;

    /// <summary>Creates an empty buffer sized and tuned by <paramref name="options"/> (validated here).</summary>
    public PoseBuffer(KeyframeOptions options)
        : this(Validated(options).PoseHistoryCapacity, options.QuaternionNormTolerance, options.ClockJumpBackResetNs, options.MaxInterpolationGapNs)
    {
    }

    /// <summary>Creates an empty buffer of <paramref name="capacity"/> samples.</summary>
    /// <param name="capacity">samples kept; the oldest is overwritten when full.</param>
    /// <param name="quaternionNormTolerance">largest |norm - 1| that is normalised instead of dropped.</param>
    /// <param name="clockJumpBackResetNs">a stamp this much before the newest clears the history.</param>
    /// <param name="maxInterpolationGapNs">largest interval between bracketing samples that is interpolated.</param>
    public PoseBuffer(int capacity, double quaternionNormTolerance, long clockJumpBackResetNs, long maxInterpolationGapNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(quaternionNormTolerance);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockJumpBackResetNs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInterpolationGapNs, 1);
        _stampsNs = new long[capacity];
        _poses = new Pose3[capacity];
        _normTolerance = quaternionNormTolerance;
        _clockResetNs = clockJumpBackResetNs;
        _maxGapNs = maxInterpolationGapNs;
    }

    /// <summary>Samples held.</summary>
    public int Count => _count;

    /// <summary>Most samples held.</summary>
    public int Capacity => _stampsNs.Length;

    /// <summary>Stamp of the oldest sample (0 when empty).</summary>
    public long OldestStampNs => _count == 0 ? 0 : _stampsNs[_head];

    /// <summary>Stamp of the newest sample (0 when empty).</summary>
    public long NewestStampNs => _count == 0 ? 0 : _stampsNs[Physical(_count - 1)];

    /// <summary>Every add, by outcome (accepted, and drops by cause).</summary>
    public OutcomeCounts<PoseSampleOutcome> Outcomes { get; } = new();

    /// <summary>
    /// Adds a sample. Pass the message's quaternion as it came (<c>new UnitQuaternion(w, x, y, z)</c>, not
    /// <see cref="UnitQuaternion.FromXyzw"/>, which normalises and throws on zero): it is checked and normalised here.
    /// Returns false (and counts the drop) for a non-finite pose, a quaternion off unit norm by more than the tolerance,
    /// or a stamp not after the newest one; a stamp more than the clock-reset threshold back clears the history first.
    /// </summary>
    public bool TryAdd(long stampNs, Pose3 T_a_b, out PoseSampleOutcome outcome)
    {
        outcome = Add(stampNs, T_a_b);
        Outcomes.Increment(outcome);
        return outcome < PoseSampleOutcome.NonFinite;
    }

    /// <summary>Empties the history (counters are kept).</summary>
    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    /// <summary>
    /// The transform at <paramref name="stampNs"/>: interpolated between the bracketing samples (which must be at most
    /// the largest interpolation gap apart unless the stamp is within <paramref name="toleranceNs"/> of one of them),
    /// or the first/last sample held when the stamp is outside the history by at most <paramref name="toleranceNs"/>.
    /// Never extrapolates. On failure <paramref name="status"/> says why and <paramref name="T_a_b"/> is the identity.
    /// </summary>
    public bool TryGetPose(long stampNs, long toleranceNs, out Pose3 T_a_b, out PoseLookupStatus status)
    {
        T_a_b = Pose3.Identity;
        if (_count == 0)
        {
            status = PoseLookupStatus.NoData;
            return false;
        }
        var oldest = _stampsNs[_head];
        var newest = _stampsNs[Physical(_count - 1)];
        if (stampNs <= oldest)
        {
            if (oldest - stampNs > toleranceNs)
            {
                status = PoseLookupStatus.TooOld;
                return false;
            }
            T_a_b = _poses[_head];
            status = PoseLookupStatus.Ok;
            return true;
        }
        if (stampNs >= newest)
        {
            if (stampNs - newest > toleranceNs)
            {
                status = PoseLookupStatus.TooNew;
                return false;
            }
            T_a_b = _poses[Physical(_count - 1)];
            status = PoseLookupStatus.Ok;
            return true;
        }
        // oldest < stamp < newest: find the first sample at or after the stamp.
        int lo = 1, hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_stampsNs[Physical(mid)] >= stampNs) hi = mid;
            else lo = mid + 1;
        }
        var i1 = Physical(lo);
        var i0 = Physical(lo - 1);
        long t0 = _stampsNs[i0], t1 = _stampsNs[i1];
        if (t1 == stampNs)
        {
            T_a_b = _poses[i1];
        }
        else if (t1 - t0 <= _maxGapNs)
        {
            T_a_b = Pose3.Interpolate(_poses[i0], _poses[i1], (double)(stampNs - t0) / (t1 - t0));
        }
        else if (stampNs - t0 <= toleranceNs || t1 - stampNs <= toleranceNs)
        {
            T_a_b = stampNs - t0 <= t1 - stampNs ? _poses[i0] : _poses[i1];
        }
        else
        {
            status = PoseLookupStatus.GapTooLarge;
            return false;
        }
        status = PoseLookupStatus.Ok;
        return true;
    }

    private PoseSampleOutcome Add(long stampNs, Pose3 pose)
    {
        var check = PoseValidation.Check(pose, _normTolerance, out var normalized);
        if (check != PoseSampleOutcome.Accepted) return check;
        var outcome = PoseSampleOutcome.Accepted;
        if (_count > 0)
        {
            var newest = _stampsNs[Physical(_count - 1)];
            if (stampNs == newest) return PoseSampleOutcome.DuplicateStamp;
            if (stampNs < newest)
            {
                if (newest - stampNs < _clockResetNs) return PoseSampleOutcome.StampBackwards;
                Clear();
                outcome = PoseSampleOutcome.AcceptedAfterClockReset;
            }
        }
        if (_count == _stampsNs.Length)
        {
            _head = Physical(1);
            _count--;
        }
        var slot = Physical(_count);
        _stampsNs[slot] = stampNs;
        _poses[slot] = normalized;
        _count++;
        return outcome;
    }

    private int Physical(int logical)
    {
        var i = _head + logical;
        return i >= _stampsNs.Length ? i - _stampsNs.Length : i;
    }

    private static KeyframeOptions Validated(KeyframeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
