using CvM.Geometry;

namespace CvM.Keyframes.Poses;

/// <summary>
/// A TF tree with history: dynamic edges from /tf (each a <see cref="PoseBuffer"/> of T_parent_child) and static
/// edges from /tf_static. <see cref="TryLookup"/> gives T_target_source at a stamp by chaining the edges through the
/// two frames' common ancestor, each dynamic edge interpolated at the stamp (tf2's semantics, without extrapolation).
/// Frame ids ignore a leading '/'. Frame arrays are allocated at construction; each dynamic edge's history is
/// allocated the first time that edge arrives; adding samples and looking up allocate nothing afterwards.
/// Not thread-safe: one owner adds and looks up; <see cref="Outcomes"/> may be read from any thread.
/// </summary>
public sealed class TransformBuffer
{
    private readonly KeyframeOptions _options;
    private readonly FrameIdTable _frames;
    private readonly int[] _parent;
    private readonly bool[] _isStatic;
    private readonly Pose3[] _static;
    private readonly PoseBuffer?[] _dynamic;

    /// <summary>Creates an empty tree sized by <paramref name="options"/> (validated here).</summary>
    public TransformBuffer(KeyframeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var n = options.MaxTfFrames;
        _frames = new FrameIdTable(n);
        _parent = new int[n];
        Array.Fill(_parent, -1);
        _isStatic = new bool[n];
        _static = new Pose3[n];
        _dynamic = new PoseBuffer?[n];
    }

    /// <summary>Frames known to the tree.</summary>
    public int FrameCount => _frames.Count;

    /// <summary>Every transform offered (static and dynamic), by outcome.</summary>
    public OutcomeCounts<PoseSampleOutcome> Outcomes { get; } = new();

    /// <summary>
    /// Sets a static edge (from /tf_static): T_parent_child for every stamp. A later static transform of the same
    /// child replaces it. Returns false and counts the drop on a bad pose, bad frame ids, a loop or a full tree.
    /// </summary>
    public bool TrySetStatic(string parentFrameId, string childFrameId, Pose3 T_parent_child, out PoseSampleOutcome outcome)
    {
        outcome = SetStatic(parentFrameId, childFrameId, T_parent_child);
        Outcomes.Increment(outcome);
        return outcome < PoseSampleOutcome.NonFinite;
    }

    /// <summary>
    /// Adds a dynamic sample (from /tf) of the edge parent -&gt; child at <paramref name="stampNs"/>. Samples of one edge
    /// must come in stamp order (drops counted as for <see cref="PoseBuffer.TryAdd"/>). A new parent for a known child
    /// re-parents it and clears that edge's history. Returns false and counts the drop otherwise.
    /// </summary>
    public bool TryAddDynamic(long stampNs, string parentFrameId, string childFrameId, Pose3 T_parent_child, out PoseSampleOutcome outcome)
    {
        outcome = AddDynamic(stampNs, parentFrameId, childFrameId, T_parent_child);
        Outcomes.Increment(outcome);
        return outcome < PoseSampleOutcome.NonFinite;
    }

    /// <summary>
    /// T_target_source at <paramref name="stampNs"/> (maps points of <paramref name="sourceFrameId"/> into
    /// <paramref name="targetFrameId"/>), e.g. target "odom" or "map" and source the camera's optical frame gives
    /// T_world_cam. Each dynamic edge on the path is interpolated at the stamp within <paramref name="toleranceNs"/>;
    /// the first edge that fails decides <paramref name="status"/>.
    /// </summary>
    public bool TryLookup(string targetFrameId, string sourceFrameId, long stampNs, long toleranceNs, out Pose3 T_target_source,
        out PoseLookupStatus status)
    {
        T_target_source = Pose3.Identity;
        var source = _frames.Find(sourceFrameId);
        var target = _frames.Find(targetFrameId);
        if (source < 0 || target < 0)
        {
            status = PoseLookupStatus.UnknownFrame;
            return false;
        }
        if (source == target)
        {
            status = PoseLookupStatus.Ok;
            return true;
        }
        int a = source, b = target;
        int depthA = Depth(a), depthB = Depth(b);
        Pose3 T_a_source = Pose3.Identity, T_b_target = Pose3.Identity;
        while (depthA > depthB)
        {
            if (!TryClimb(ref a, ref T_a_source, stampNs, toleranceNs, out status)) return false;
            depthA--;
        }
        while (depthB > depthA)
        {
            if (!TryClimb(ref b, ref T_b_target, stampNs, toleranceNs, out status)) return false;
            depthB--;
        }
        while (a != b)
        {
            if (_parent[a] < 0 || _parent[b] < 0)
            {
                status = PoseLookupStatus.NoPath;
                return false;
            }
            if (!TryClimb(ref a, ref T_a_source, stampNs, toleranceNs, out status)) return false;
            if (!TryClimb(ref b, ref T_b_target, stampNs, toleranceNs, out status)) return false;
        }
        // a == b is the common ancestor: T_target_source = inverse(T_anc_target) * T_anc_source.
        T_target_source = T_b_target.Inverse() * T_a_source;
        status = PoseLookupStatus.Ok;
        return true;
    }

    private bool TryClimb(ref int frame, ref Pose3 T_frame_x, long stampNs, long toleranceNs, out PoseLookupStatus status)
    {
        Pose3 T_parent_frame;
        if (_isStatic[frame])
        {
            T_parent_frame = _static[frame];
        }
        else if (!_dynamic[frame]!.TryGetPose(stampNs, toleranceNs, out T_parent_frame, out status))
        {
            return false;
        }
        T_frame_x = T_parent_frame * T_frame_x;
        frame = _parent[frame];
        status = PoseLookupStatus.Ok;
        return true;
    }

    private int Depth(int frame)
    {
        var depth = 0;
        for (var f = _parent[frame]; f >= 0 && depth <= _parent.Length; f = _parent[f]) depth++;
        return depth;
    }

    private PoseSampleOutcome SetStatic(string parentFrameId, string childFrameId, Pose3 T_parent_child)
    {
        var check = PoseValidation.Check(T_parent_child, _options.QuaternionNormTolerance, out var normalized);
        if (check != PoseSampleOutcome.Accepted) return check;
        var frames = Link(parentFrameId, childFrameId, out var child);
        if (frames > PoseSampleOutcome.AcceptedReparented) return frames;
        _isStatic[child] = true;
        _static[child] = normalized;
        _dynamic[child]?.Clear();
        return frames;
    }

    private PoseSampleOutcome AddDynamic(long stampNs, string parentFrameId, string childFrameId, Pose3 T_parent_child)
    {
        var check = PoseValidation.Check(T_parent_child, _options.QuaternionNormTolerance, out _);
        if (check != PoseSampleOutcome.Accepted) return check;
        var existing = _frames.Find(childFrameId);
        if (existing >= 0 && _isStatic[existing]) return PoseSampleOutcome.StaticEdgeConflict;
        var frames = Link(parentFrameId, childFrameId, out var child);
        if (frames > PoseSampleOutcome.AcceptedReparented) return frames;
        var history = _dynamic[child] ??= new PoseBuffer(_options);
        if (frames == PoseSampleOutcome.AcceptedReparented) history.Clear();
        history.TryAdd(stampNs, T_parent_child, out var added);
        return frames == PoseSampleOutcome.AcceptedReparented && added == PoseSampleOutcome.Accepted ? frames : added;
    }

    /// <summary>Registers both frames and points child at parent; refuses empty/equal ids, loops and a full table.</summary>
    private PoseSampleOutcome Link(string parentFrameId, string childFrameId, out int child)
    {
        child = -1;
        var parentKey = FrameIdTable.Normalize(parentFrameId);
        var childKey = FrameIdTable.Normalize(childFrameId);
        if (parentKey.IsEmpty || childKey.IsEmpty || parentKey.SequenceEqual(childKey)) return PoseSampleOutcome.InvalidFrameId;
        var parent = _frames.FindOrAdd(parentFrameId);
        if (parent < 0) return PoseSampleOutcome.TooManyFrames;
        child = _frames.FindOrAdd(childFrameId);
        if (child < 0) return PoseSampleOutcome.TooManyFrames;
        if (_parent[child] == parent) return PoseSampleOutcome.Accepted;
        for (var f = parent; f >= 0; f = _parent[f])
            if (f == child) return PoseSampleOutcome.Loop;
        var reparented = _parent[child] >= 0;
        _parent[child] = parent;
        return reparented ? PoseSampleOutcome.AcceptedReparented : PoseSampleOutcome.Accepted;
    }
}
