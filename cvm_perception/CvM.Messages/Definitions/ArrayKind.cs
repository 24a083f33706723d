namespace CvM.Messages.Definitions;

/// <summary>Whether a field is a single value, a fixed array or a (bounded) sequence.</summary>
public enum ArrayKind
{
    /// <summary>A single value.</summary>
    None,

    /// <summary><c>T[N]</c>: exactly N values, no length on the wire.</summary>
    Fixed,

    /// <summary><c>T[]</c>: a sequence with a length prefix.</summary>
    Unbounded,

    /// <summary><c>T[&lt;=N]</c>: a sequence of at most N values with a length prefix.</summary>
    Bounded,
}
