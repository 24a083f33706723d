namespace CvM.Evaluation.Metrics;

/// <summary>The NYUv2 13-class label set (ids 1..13; 0 is void and never scored).</summary>
public static class NyuClasses
{
    /// <summary>Number of scored classes.</summary>
    public const int Count13 = 13;

    /// <summary>The void label id, ignored in ground truth.</summary>
    public const byte Void = 0;

    /// <summary>Class names for ids 1..13 (index 0 is "void").</summary>
    public static IReadOnlyList<string> Names13 { get; } =
    [
        "void", "bed", "books", "ceiling", "chair", "floor", "furniture", "objects",
        "picture", "sofa", "table", "tv", "wall", "window",
    ];
}
