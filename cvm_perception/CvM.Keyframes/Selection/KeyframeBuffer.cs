using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Selection;

/// <summary>
/// A fixed-capacity ring of keyframes (allocated once), oldest first. A frame is inserted when it is the first one,
/// or when its camera centre moved at least <see cref="KeyframeOptions.KeyframeMinTranslationM"/> or it turned at
/// least <see cref="KeyframeOptions.KeyframeMinRotationDeg"/> since the newest keyframe.
/// <para>
/// Payload lifecycle: <see cref="TryInsert"/> takes ownership of the payload only when it returns true; on false the
/// caller keeps it (and returns it to its pool). The buffer hands every payload it owns to the release callback given
/// at construction exactly once: when the keyframe is evicted by a newer one, on <see cref="Clear"/> and on
/// <see cref="Dispose"/>. Read payloads through the indexer only while the keyframe is in the buffer.
/// </para>
/// A stamp more than <see cref="KeyframeOptions.ClockJumpBackResetS"/> before the newest keyframe's (bag loop,
/// simulation restart) releases every keyframe and starts over with that frame.
/// Not thread-safe: the stage that selects views owns it. Inserting and reading allocate nothing.
/// </summary>
public sealed class KeyframeBuffer<TPayload> : IDisposable
{
    private readonly Keyframe<TPayload>[] _ring;
    private readonly Action<TPayload>? _release;
    private readonly double _minTranslationM;
    private readonly double _minRotationRad;
    private readonly long _clockResetNs;
    private int _head;
    private int _count;
    private long _nextId;

    /// <summary>Creates an empty buffer sized and tuned by <paramref name="options"/> (validated here).</summary>
    /// <param name="options">capacity and insertion thresholds.</param>
    /// <param name="releasePayload">called once for every payload the buffer lets go of (null: nothing to release).</param>
    public KeyframeBuffer(KeyframeOptions options, Action<TPayload>? releasePayload)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _ring = new Keyframe<TPayload>[options.KeyframeCapacity];
        _release = releasePayload;
        _minTranslationM = options.KeyframeMinTranslationM;
        _minRotationRad = options.KeyframeMinRotationDeg * Math.PI / 180;
        _clockResetNs = options.ClockJumpBackResetNs;
    }

    /// <summary>Keyframes held.</summary>
    public int Count => _count;

    /// <summary>Most keyframes held.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Keyframes inserted since construction.</summary>
    public long InsertedCount => _nextId;

    /// <summary>Keyframes evicted by newer ones since construction.</summary>
    public long EvictedCount { get; private set; }

    /// <summary>The keyframe at <paramref name="index"/>, 0 = oldest, <see cref="Count"/> - 1 = newest.</summary>
    public ref readonly Keyframe<TPayload> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _ring[Physical(index)];
        }
    }

    /// <summary>True when a frame with this stamp and pose would be inserted.</summary>
    public bool ShouldInsert(long stampNs, in Pose3 T_world_cam) => Decide(stampNs, T_world_cam) is KeyframeInsertOutcome.Inserted
        or KeyframeInsertOutcome.InsertedAfterClockReset;

    /// <summary>
    /// Inserts the frame when <see cref="ShouldInsert"/> holds (evicting and releasing the oldest when full) and
    /// takes ownership of <paramref name="payload"/>; otherwise returns false and the caller keeps the payload.
    /// </summary>
    public bool TryInsert(long stampNs, in Pose3 T_world_cam, TPayload payload, out KeyframeInsertOutcome outcome)
    {
        outcome = Decide(stampNs, T_world_cam);
        if (outcome == KeyframeInsertOutcome.InsertedAfterClockReset) Clear();
        else if (outcome != KeyframeInsertOutcome.Inserted) return false;
        if (_count == _ring.Length)
        {
            var evicted = _ring[_head].Payload;
            _ring[_head] = default;
            _head = Physical(1);
            _count--;
            EvictedCount++;
            outcome = KeyframeInsertOutcome.InsertedEvictingOldest;
            _release?.Invoke(evicted);
        }
        _ring[Physical(_count)] = new Keyframe<TPayload>(_nextId++, stampNs, T_world_cam, payload);
        _count++;
        return true;
    }

    /// <summary>The index of the keyframe with <paramref name="id"/>, or false when it is not (or no longer) held.</summary>
    public bool TryFindById(long id, out int index)
    {
        index = -1;
        if (_count == 0) return false;
        var oldestId = _ring[_head].Id;
        var offset = id - oldestId;
        if (offset < 0 || offset >= _count) return false;
        index = (int)offset;
        return true;
    }

    /// <summary>Releases every payload and empties the buffer (ids keep increasing).</summary>
    public void Clear()
    {
        while (_count > 0)
        {
            var payload = _ring[_head].Payload;
            _ring[_head] = default;
            _head = Physical(1);
            _count--;
            _release?.Invoke(payload);
        }
        _head = 0;
    }

    /// <summary>Same as <see cref="Clear"/>.</summary>
    public void Dispose() => Clear();

    private KeyframeInsertOutcome Decide(long stampNs, in Pose3 T_world_cam)
    {
        if (!PoseValidation.IsFinite(T_world_cam)) return KeyframeInsertOutcome.NonFinitePose;
        if (_count == 0) return KeyframeInsertOutcome.Inserted;
        ref readonly var newest = ref _ring[Physical(_count - 1)];
        if (stampNs <= newest.StampNs)
            return newest.StampNs - stampNs >= _clockResetNs ? KeyframeInsertOutcome.InsertedAfterClockReset : KeyframeInsertOutcome.StampNotNewer;
        var d = PoseDistance.Between(newest.T_world_cam, T_world_cam);
        return d.CentreDistanceMeters >= _minTranslationM || d.RotationAngleRadians >= _minRotationRad
            ? KeyframeInsertOutcome.Inserted
            : KeyframeInsertOutcome.NotEnoughMotion;
    }

    private int Physical(int logical)
    {
        var i = _head + logical;
        return i >= _ring.Length ? i - _ring.Length : i;
    }
}
