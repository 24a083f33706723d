namespace CvM.Inference;

/// <summary>
/// The tensor names and shapes the node relies on (the training tool's <c>CvmOnnxExporter</c> contract), checked
/// against a manifest at start-up. H, W are the manifest's input size; C the class count.
/// </summary>
public static class ModelContract
{
    /// <summary>Whole-graph inputs, in order.</summary>
    public static readonly string[] FullInputs = ["image_ref", "image_src1", "image_src2", "K", "invK", "T_src1_ref", "T_src2_ref", "depth_range"];

    /// <summary>Outputs of the whole graph and of the multi-view graph.</summary>
    public static readonly string[] Outputs = ["depth", "semantic_logits", "normals"];

    /// <summary>Per-view feature graph inputs.</summary>
    public static readonly string[] FeatureInputs = ["image", "invK"];

    /// <summary>Per-view feature graph outputs (multi-view inputs <c>ref_*</c> take them; sources give only <c>m8</c>).</summary>
    public static readonly string[] FeatureOutputs = ["f4", "f8", "f16", "m8"];

    /// <summary>Multi-view graph inputs.</summary>
    public static readonly string[] MultiViewInputs = ["ref_f4", "ref_f8", "ref_f16", "ref_m8", "src1_m8", "src2_m8", "K", "invK", "T_src1_ref", "T_src2_ref", "depth_range"];

    /// <summary>The shape the contract fixes for <paramref name="name"/>, or null when only the manifest fixes it (features).</summary>
    public static long[]? ExpectedShape(string name, int height, int width, int classes) => name switch
    {
        "image_ref" or "image_src1" or "image_src2" or "image" => [1, 3, height, width],
        "K" or "invK" => [1, 3, 3],
        "T_src1_ref" or "T_src2_ref" => [1, 4, 4],
        "depth_range" => [1, 2],
        "depth" => [1, 1, height, width],
        "semantic_logits" => [1, classes, height, width],
        "normals" => [1, 3, height, width],
        _ => null,
    };

    /// <summary>Checks one graph's manifest signature against the contract; returns the first difference or null.</summary>
    internal static string? Check(ManifestTensor[] inputs, ManifestTensor[] outputs, string[] inputNames, string[] outputNames, ModelManifest m)
    {
        var d = CheckNames("input", inputs, inputNames) ?? CheckNames("output", outputs, outputNames);
        if (d is not null) return d;
        foreach (var t in inputs.Concat(outputs))
        {
            if (!string.Equals(t.Dtype, "float32", StringComparison.Ordinal)) return $"tensor '{t.Name}' has dtype {t.Dtype}, the contract needs float32";
            var expected = ExpectedShape(t.Name, m.InputHeight, m.InputWidth, m.Classes.Length);
            if (expected is not null && !expected.SequenceEqual(t.Shape))
                return $"tensor '{t.Name}' has shape {t.ShapeText} in the manifest, the contract needs [{string.Join(",", expected)}]";
            if (t.Shape.Length == 0 || t.Shape[0] != 1 || t.Shape.Any(s => s <= 0)) return $"tensor '{t.Name}' needs a static shape with batch 1, has {t.ShapeText}";
        }
        return null;
    }

    private static string? CheckNames(string what, ManifestTensor[] tensors, string[] names)
    {
        foreach (var n in names)
            if (!tensors.Any(t => t.Name == n)) return $"manifest lacks {what} '{n}'";
        foreach (var t in tensors)
            if (!names.Contains(t.Name)) return $"manifest has unexpected {what} '{t.Name}'";
        return null;
    }
}
