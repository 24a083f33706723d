using CvM.Training.Train;
using CvM.TestSupport;

namespace CvM.Training.Tests;

/// <summary>The committed training recipes load, validate and describe the committed model's shape.</summary>
public class ConfigTests
{
    [Theory]
    [InlineData("cvm_96x128_stage1.json", 0, "")]
    [InlineData("cvm_96x128.json", 32, "/work/runs/cvm_syn_96x128/step_400.weights")]
    [InlineData("cvm_128x160.json", 0, "")]
    public void Load_CommittedConfigs_ValidWithExpectedShape(string file, int fineChannels, string initFrom)
    {
        var c = TrainConfig.Load(Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Training", "configs", file));
        Assert.Equal(fineChannels, c.Net.FineChannels);
        Assert.Equal(initFrom, c.InitFrom);
        if (file.StartsWith("cvm_96x128", StringComparison.Ordinal))
        {
            Assert.Equal((96, 128, 16), (c.Net.ImageHeight, c.Net.ImageWidth, c.Net.Planes));
            Assert.Equal("synthetic", c.Source);
        }
    }

    [Theory]
    [InlineData("cvm_96x128_wide.json", 0.15, 1.0)]
    [InlineData("cvm_96x128_scale.json", 0.06, 1.3)]
    [InlineData("cvm_96x128_widescale.json", 0.15, 1.3)]
    [InlineData("cvm_96x128_gscale.json", 0.05, 1.3, true)]
    public void Load_ExperimentConfigs_ValidWithTheirDataRule(string file, double minBaselineM, double sceneScaleMax, bool globalScale = false)
    {
        var c = TrainConfig.Load(Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Training", "configs", "experiments", file));
        Assert.Equal((minBaselineM, sceneScaleMax), (c.Synthetic.MinBaselineM, c.Synthetic.SceneScaleMax));
        Assert.Equal(globalScale, c.Net.GlobalScale);
        Assert.Equal((96, 128, 16, 32), (c.Net.ImageHeight, c.Net.ImageWidth, c.Net.Planes, c.Net.FineChannels));
        Assert.Equal(2e-4, c.LearningRate, 12);
    }

    /// <summary>
    /// The session-6 experiment: the shipped 96x128 checkpoint fine-tuned at 192x256 (same weights, a cost volume twice
    /// as fine per metre of baseline), at 2e-4 and from step 4,600 of the same run at 1e-4.
    /// </summary>
    [Theory]
    [InlineData("cvm_192x256_hires.json", 2e-4)]
    [InlineData("cvm_192x256_hires_lr1e4.json", 1e-4)]
    public void Load_HigherResolutionExperiment_ShippedShapeAtTwiceTheInputSize(string file, double learningRate)
    {
        var c = TrainConfig.Load(Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Training", "configs", "experiments", file));
        Assert.Equal((192, 256, 16, 32), (c.Net.ImageHeight, c.Net.ImageWidth, c.Net.Planes, c.Net.FineChannels));
        Assert.Equal((24, 32), (c.Net.H8, c.Net.W8));
        Assert.Equal((0.05, 1.0), (c.Synthetic.MinBaselineM, c.Synthetic.SceneScaleMax));
        Assert.Equal("/work/runs/cvm_syn_96x128_warm/step_14000.weights", c.InitFrom);
        Assert.Equal(learningRate, c.LearningRate, 12);
    }

    [Fact]
    public void Validate_BadValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => new TrainConfig { Source = "imagenet" }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainConfig { Net = new() { FineChannels = 20 } }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainConfig { Net = new() { GlobalScale = true, FineChannels = 0 } }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainConfig { Synthetic = new() { MinBaselineM = -1 } }.Validate());
    }
}
