using System.Text.Json;
using System.Text.Json.Nodes;

namespace CvM.Inference.Tests;

public sealed class ModelManifestTests
{
    [Fact]
    public void Load_MissingManifest_ThrowsNamingPath()
    {
        using var dir = new TempDir();
        var path = dir.File("absent.json");
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Load_MissingModelFile_ThrowsNamingModelPath()
    {
        using var dir = new TempDir();
        var manifest = FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        File.Delete(dir.File("fixture.onnx"));
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(manifest));
        Assert.Equal(dir.File("fixture.onnx"), e.Path);
        Assert.Contains(dir.File("fixture.onnx"), e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Load_ModelBytesChanged_ThrowsNamingPathAndBothHashes()
    {
        using var dir = new TempDir();
        var manifest = FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var model = dir.File("fixture.onnx");
        var expected = ModelManifestLoader.Sha256Of(model);
        File.AppendAllText(model, " ");
        var actual = ModelManifestLoader.Sha256Of(model);
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(manifest));
        Assert.Equal(model, e.Path);
        Assert.Contains(expected, e.Message);
        Assert.Contains(actual, e.Message);
    }

    [Fact]
    public void Open_SessionShapeDiffersFromManifest_ThrowsNamingModelAndShapes()
    {
        using var dir = new TempDir();
        // The graph is 32 wide, the manifest claims 40: contract and SHA-256 agree, the session does not.
        var manifest = FixtureModel.WriteFull(dir.Path, 32, 24, 5, manifestWidth: 40);
        var e = Assert.Throws<ModelManifestException>(() => CvmModel.Open(manifest, new InferenceOptions { Device = InferenceDevice.Cpu }));
        Assert.Equal(dir.File("fixture.onnx"), e.Path);
        Assert.Contains("[1,3,24,32] in the model", e.Message);
        Assert.Contains("[1,3,24,40] in the manifest", e.Message);
    }

    [Fact]
    public void Load_ManifestLacksContractInput_ThrowsNamingManifestAndTensor()
    {
        using var dir = new TempDir();
        var path = FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var inputs = json["inputs"]!.AsArray();
        inputs.RemoveAt(inputs.Select((n, i) => (n, i)).First(p => (string)p.n!["name"]! == "invK").i);
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("lacks input 'invK'", e.Message);
    }

    [Fact]
    public void Load_DepthRangeInverted_ThrowsNamingManifest()
    {
        using var dir = new TempDir();
        var path = FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["depthMin"] = 5;
        json["depthMax"] = 1;
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("depth range", e.Message);
    }

    [Fact]
    public void Load_NotJson_ThrowsNamingManifest()
    {
        using var dir = new TempDir();
        var path = dir.File("m.json");
        File.WriteAllText(path, "{ not json");
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("unreadable", e.Message);
    }

    [Fact]
    public void Load_TrainingToolFormat_ReadsBase64ColoursAndIgnoresExtraFields()
    {
        using var dir = new TempDir();
        var path = FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        // The training tool serialises byte[] colours as base64 and adds recipe/metrics/parts fields.
        foreach (var c in json["classes"]!.AsArray())
        {
            var id = (int)c!["id"]!;
            c["rgb"] = Convert.ToBase64String(FixtureModel.Colour(id));
        }
        json["recipe"] = new JsonObject { ["config"] = new JsonObject { ["steps"] = 10 } };
        json["metrics"] = new JsonArray();
        json["parts"] = new JsonObject { ["enc/"] = "encoder" };
        json["parameters"] = 1234;
        File.WriteAllText(path, json.ToJsonString());
        var m = ModelManifestLoader.Load(path);
        Assert.Equal(5, m.Classes.Length);
        for (var c = 0; c < 5; c++) Assert.Equal(FixtureModel.Colour(c), m.Classes[c].Rgb);
        Assert.Equal(FixtureModel.DepthMin, m.DepthMin);
        Assert.Equal(FixtureModel.DepthMax, m.DepthMax);
    }

    [Fact]
    public void Load_ColourWithFourComponents_ThrowsNamingManifest()
    {
        using var dir = new TempDir();
        var path = FixtureModel.WriteFull(dir.Path, 32, 24, 5);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["classes"]![0]!["rgb"] = new JsonArray(1, 2, 3, 4);
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Load_SplitManifestFeatureShapesDisagree_ThrowsNamingManifest()
    {
        using var dir = new TempDir();
        var path = FixtureModel.WriteSplit(dir.Path, 32, 24, 5);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var mvInputs = json["split"]!["multiView"]!["inputs"]!.AsArray();
        mvInputs.First(n => (string)n!["name"]! == "ref_f16")!["shape"] = new JsonArray(1, 2, 24, 32);
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("f16", e.Message);
    }

    [Fact]
    public void Load_SplitManifest_ChecksBothFiles()
    {
        using var dir = new TempDir();
        var path = FixtureModel.WriteSplit(dir.Path, 32, 24, 5);
        Assert.NotNull(ModelManifestLoader.Load(path).Split);
        File.Delete(dir.File("fixture.features.onnx"));
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(dir.File("fixture.features.onnx"), e.Path);
    }

    [Theory]
    [InlineData("RGB in [0,1] (divide 8-bit values by 255); the graph scales by 255 and subtracts the per-channel mean 0.49/0.46/0.41 (RGB)", 0f, 1f)]
    [InlineData("RGB in [0,1], mean=0.5/0.5/0.5 std=0.25/0.25/0.25", 0.5f, 0.25f)]
    public void PixelNormalisationParse_KnownTexts_GivesMeanAndStd(string text, float mean, float std)
    {
        var n = PixelNormalisation.Parse(text);
        Assert.Equal((mean, mean, mean, std, std, std), (n.MeanR, n.MeanG, n.MeanB, n.StdR, n.StdG, n.StdB));
    }

    [Fact]
    public void PixelNormalisationParse_UnknownText_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => PixelNormalisation.Parse("BGR minus ImageNet mean"));

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsColoursAsArrays()
    {
        var c = new ManifestClass { Id = 3, Name = "x", Rgb = [1, 2, 250] };
        var json = JsonSerializer.Serialize(c, ModelManifest.Json);
        Assert.Contains("[1,2,250]", json.Replace(" ", "").Replace("\n", "").Replace("\r", ""));
        Assert.Equal(c.Rgb, JsonSerializer.Deserialize<ManifestClass>(json, ModelManifest.Json)!.Rgb);
    }
}
