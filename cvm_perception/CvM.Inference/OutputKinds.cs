namespace CvM.Inference;

/// <summary>Which outputs post-processing writes at the camera resolution (flags).</summary>
[Flags]
public enum OutputKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Depth, 32FC1 metres, NaN where invalid.</summary>
    Depth = 1,

    /// <summary>Semantic class ids, mono8.</summary>
    Semantics = 2,

    /// <summary>Semantic colour image, rgb8 (manifest colours).</summary>
    SemanticsColor = 4,

    /// <summary>Unit normals, 32FC3, camera optical frame.</summary>
    Normals = 8,

    /// <summary>Normals colour image, rgb8, (n + 1) / 2 * 255.</summary>
    NormalsColor = 16,

    /// <summary>Everything.</summary>
    All = Depth | Semantics | SemanticsColor | Normals | NormalsColor,
}
