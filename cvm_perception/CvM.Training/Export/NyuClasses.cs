namespace CvM.Training.Export;

/// <summary>NYUv2 13-class table (ids as in shared/data/README.md; 0 = void) with display colours.</summary>
public static class NyuClasses
{
    /// <summary>Names by id.</summary>
    public static readonly string[] Names =
        ["void", "bed", "books", "ceiling", "chair", "floor", "furniture", "objects", "picture", "sofa", "table", "tv", "wall", "window"];

    private static readonly byte[][] Colours =
    [
        [0, 0, 0], [0, 0, 255], [232, 88, 47], [0, 217, 0], [148, 0, 240], [222, 241, 23], [255, 205, 205],
        [0, 223, 228], [106, 135, 204], [116, 28, 41], [240, 35, 235], [0, 166, 156], [249, 139, 0], [225, 228, 194],
    ];

    /// <summary>The classes as manifest entries.</summary>
    public static ClassSpec[] Specs() => Names.Select((n, i) => new ClassSpec(i, n, Colours[i])).ToArray();
}
