using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CvM.Inference;

/// <summary>
/// Start-up checks of a model: the manifest parses and is consistent with the node's contract, every model file
/// exists and has the manifest's SHA-256, and (<see cref="VerifySession"/>) a session's input/output names, dtypes
/// and shapes equal the manifest's. Every failure is a <see cref="ModelManifestException"/> naming the file.
/// </summary>
public static class ModelManifestLoader
{
    /// <summary>Reads and checks <paramref name="manifestPath"/> and the model files it names.</summary>
    public static ModelManifest Load(string manifestPath)
    {
        if (!File.Exists(manifestPath)) throw new ModelManifestException(manifestPath, "manifest file not found");
        ModelManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(manifestPath), ModelManifest.Json);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new ModelManifestException(manifestPath, "manifest unreadable: " + e.Message, e);
        }
        if (m is null) throw new ModelManifestException(manifestPath, "manifest is empty");
        var d = CheckValues(m);
        if (d is not null) throw new ModelManifestException(manifestPath, d);
        if (m.Split is null)
        {
            d = ModelContract.Check(m.Inputs, m.Outputs, ModelContract.FullInputs, ModelContract.Outputs, m);
        }
        else
        {
            d = ModelContract.Check(m.Split.Features.Inputs, m.Split.Features.Outputs, ModelContract.FeatureInputs, ModelContract.FeatureOutputs, m,
                    optionalOutputs: ModelContract.OptionalFeatureOutputs)
                ?? ModelContract.Check(m.Split.MultiView.Inputs, m.Split.MultiView.Outputs, ModelContract.MultiViewInputs, ModelContract.Outputs, m,
                    optionalInputs: ModelContract.OptionalMultiViewInputs)
                ?? CheckSplitShapes(m.Split);
        }
        if (d is not null) throw new ModelManifestException(manifestPath, d);
        if (m.Split is null)
        {
            CheckFile(ModelPath(manifestPath, m.Model), m.Sha256);
        }
        else
        {
            // The multi-view graph first: an export keeps the model's own name for it (the file a model path names).
            CheckFile(ModelPath(manifestPath, m.Split.MultiView.Model), m.Split.MultiView.Sha256);
            CheckFile(ModelPath(manifestPath, m.Split.Features.Model), m.Split.Features.Sha256);
        }
        return m;
    }

    /// <summary>The absolute path of a model file named in the manifest at <paramref name="manifestPath"/>.</summary>
    public static string ModelPath(string manifestPath, string fileName) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, fileName));

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256Of(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    /// <summary>Throws unless <paramref name="session"/>'s signature equals <paramref name="inputs"/>/<paramref name="outputs"/> (names, float32, shapes).</summary>
    public static void VerifySession(InferenceSession session, ManifestTensor[] inputs, ManifestTensor[] outputs, string modelPath)
    {
        var d = Compare("input", session.InputMetadata, inputs) ?? Compare("output", session.OutputMetadata, outputs);
        if (d is not null) throw new ModelManifestException(modelPath, d);
    }

    private static string? Compare(string what, IReadOnlyDictionary<string, NodeMetadata> actual, ManifestTensor[] expected)
    {
        foreach (var t in expected)
        {
            if (!actual.TryGetValue(t.Name, out var meta)) return $"the model has no {what} '{t.Name}' that the manifest lists";
            if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float)
                return $"{what} '{t.Name}' is {(meta.IsTensor ? meta.ElementDataType.ToString() : meta.OnnxValueType.ToString())} in the model, {t.Dtype} in the manifest";
            var dims = meta.Dimensions;
            if (dims.Length != t.Shape.Length || dims.Where((v, i) => v != t.Shape[i]).Any())
                return $"{what} '{t.Name}' has shape [{string.Join(",", dims)}] in the model, {t.ShapeText} in the manifest";
        }
        foreach (var name in actual.Keys)
            if (!expected.Any(t => t.Name == name)) return $"the model has {what} '{name}' that the manifest does not list";
        return null;
    }

    private static void CheckFile(string path, string sha256)
    {
        if (!File.Exists(path)) throw new ModelManifestException(path, "model file not found");
        string actual;
        try
        {
            actual = Sha256Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelManifestException(path, "model file unreadable: " + e.Message, e);
        }
        if (!string.Equals(actual, sha256.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new ModelManifestException(path, $"SHA-256 is {actual}, the manifest says {sha256}");
    }

    private static string? CheckValues(ModelManifest m)
    {
        if (m.InputWidth <= 0 || m.InputHeight <= 0) return $"input size {m.InputWidth}x{m.InputHeight} must be positive";
        if (!(m.DepthMin > 0) || !(m.DepthMax > m.DepthMin) || float.IsInfinity(m.DepthMax)) return $"depth range [{m.DepthMin}, {m.DepthMax}] must satisfy 0 < min < max < inf";
        if (m.Classes is null || m.Classes.Length is 0 or > 256) return "classes must list 1..256 classes";
        for (var i = 0; i < m.Classes.Length; i++)
            if (m.Classes[i].Id != i) return $"class ids must be 0..{m.Classes.Length - 1} in order; entry {i} has id {m.Classes[i].Id}";
        try
        {
            PixelNormalisation.Parse(m.Normalisation ?? string.Empty);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        return null;
    }

    private static string? CheckSplitShapes(ManifestSplit s)
    {
        // Every feature output feeds ref_<name>; source features feed src1_/src2_<name>; and each multi-view feature
        // input has a producer (an optional feature such as k4 exists in both graphs or in neither).
        foreach (var produced in s.Features.Outputs)
        {
            var f = produced.Name;
            var consumers = ModelContract.SourceFeatures.Contains(f) ? new[] { "ref_" + f, "src1_" + f, "src2_" + f } : ["ref_" + f];
            foreach (var c in consumers)
            {
                var consumed = s.MultiView.Inputs.FirstOrDefault(t => t.Name == c);
                if (consumed is null) return $"the feature graph has '{f}' but the multi-view graph has no input '{c}'";
                if (!produced.Shape.SequenceEqual(consumed.Shape))
                    return $"feature '{f}' is {produced.ShapeText} but the multi-view graph takes {consumed.ShapeText} as '{c}'";
            }
        }
        foreach (var name in ModelContract.OptionalMultiViewInputs)
        {
            var feature = name[(name.IndexOf('_') + 1)..];
            if (s.MultiView.Inputs.Any(t => t.Name == name) && !s.Features.Outputs.Any(t => t.Name == feature))
                return $"the multi-view graph takes '{name}' but the feature graph has no output '{feature}'";
        }
        return null;
    }
}
