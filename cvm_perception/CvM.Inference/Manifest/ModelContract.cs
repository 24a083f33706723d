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

    /// <summary>
    /// Per-view feature graph outputs every split model has (multi-view inputs <c>ref_*</c> take them; sources give
    /// only their <see cref="SourceFeatures"/>).
    /// </summary>
    public static readonly string[] FeatureOutputs = ["f4", "f8", "f16", "m8"];

    /// <summary>
    /// Feature outputs a split model may add: <c>k4</c>, the fine matching features at 1/4 of a network with a second
    /// cost volume (CvmNetOptions.FineChannels &gt; 0). When the feature graph has one, the multi-view graph takes it
    /// as <c>ref_k4</c>, <c>src1_k4</c>, <c>src2_k4</c>, and the reverse.
    /// </summary>
    public static readonly string[] OptionalFeatureOutputs = ["k4"];

    /// <summary>Features the multi-view graph takes from source views too (as <c>src1_*</c>, <c>src2_*</c>), when the feature graph has them.</summary>
    public static readonly string[] SourceFeatures = ["m8", "k4"];

    /// <summary>Multi-view graph inputs every split model has.</summary>
    public static readonly string[] MultiViewInputs = ["ref_f4", "ref_f8", "ref_f16", "ref_m8", "src1_m8", "src2_m8", "K", "invK", "T_src1_ref", "T_src2_ref", "depth_range"];

    /// <summary>Multi-view graph inputs that exist exactly when the feature graph has <c>k4</c>.</summary>
    public static readonly string[] OptionalMultiViewInputs = ["ref_k4", "src1_k4", "src2_k4"];

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
    internal static string? Check(ManifestTensor[] inputs, ManifestTensor[] outputs, string[] inputNames, string[] outputNames, ModelManifest m,
        string[]? optionalInputs = null, string[]? optionalOutputs = null)
    {
        var d = CheckNames("input", inputs, inputNames, optionalInputs ?? []) ?? CheckNames("output", outputs, outputNames, optionalOutputs ?? []);
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

    private static string? CheckNames(string what, ManifestTensor[] tensors, string[] names, string[] optional)
    {
        foreach (var n in names)
            if (!tensors.Any(t => t.Name == n)) return $"manifest lacks {what} '{n}'";
        foreach (var t in tensors)
            if (!names.Contains(t.Name) && !optional.Contains(t.Name)) return $"manifest has unexpected {what} '{t.Name}'";
        for (var i = 0; i < tensors.Length; i++)
            for (var j = 0; j < i; j++)
                if (tensors[i].Name == tensors[j].Name) return $"manifest lists {what} '{tensors[i].Name}' twice";
        return null;
    }
}
