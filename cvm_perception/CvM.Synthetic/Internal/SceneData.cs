namespace CvM.Synthetic.Internal;

/// <summary>
/// Immutable render data of a scene. Prims[0] is the room shell, Prims[1..RecessCount] the wall recesses,
/// the rest are covered by <see cref="Groups"/>.
/// </summary>
internal sealed class SceneData
{
    public required PrimF[] Prims { get; init; }
    public required PrimGroup[] Groups { get; init; }
    public required Material[] Materials { get; init; }
    /// <summary>Material per room shell face (x0, x1, y0, y1, floor, ceiling).</summary>
    public required int[] ShellMaterials { get; init; }
    public required int RecessCount { get; init; }
    /// <summary>Per primitive index: for recesses, the face code of the back face (= the wall's face code).</summary>
    public required int[] RecessBackFace { get; init; }
    public required Light[] Lights { get; init; }
    public required float Ambient { get; init; }
    public required float NoiseStd { get; init; }
    public required uint NoiseSalt { get; init; }
}
