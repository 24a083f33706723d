using CvM.Node.Parameters;
using CvM.Ros.Arguments;
using CvM.TestSupport;

namespace CvM.Node.Tests;

public sealed class ParameterTests
{
    private static string ConfigPath => Path.Combine(RepoPaths.Root, "config", "cvm_perception.yaml");

    [Fact]
    public void ConfigFile_Committed_EqualsTheParameterTable()
    {
        Assert.Equal(ConfigFile.Render(), File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void Load_CommittedConfig_GivesEveryDefault()
    {
        var setup = Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "--params-file", ConfigPath]));
        var defaults = new NodeParameters();
        foreach (var d in NodeParameterTable.All) Assert.Equal(d.Get(defaults), d.Get(setup.Parameters));
    }

    [Fact]
    public void Load_ParamOverrides_AppliedAfterParamsFile()
    {
        var setup = Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "--params-file", ConfigPath,
            "-p", "device:=cpu", "-p", "keyframes.min_baseline:=0.1", "-p", "outputs.normals:=false", "-p", "threads:=4"]));
        Assert.Equal("cpu", setup.Parameters.Device);
        Assert.Equal(0.1, setup.Parameters.Keyframes.MinBaselineM);
        Assert.False(setup.Parameters.PublishNormals);
        Assert.Equal(4, setup.Parameters.Threads);
    }

    [Fact]
    public void Load_SpinWait_DefaultOffAndOverrideReachesTheInferenceOptions()
    {
        var defaults = Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "--params-file", ConfigPath])).Parameters;
        Assert.False(defaults.SpinWait);
        Assert.False(PipelineOptionsFactory.Create(defaults, CvM.Pipeline.PipelineMode.Live).Inference.SpinWait);
        var on = Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "-p", "spin_wait:=true"])).Parameters;
        Assert.True(on.SpinWait);
        Assert.True(PipelineOptionsFactory.Create(on, CvM.Pipeline.PipelineMode.Live).Inference.SpinWait);
    }

    [Fact]
    public void Load_RemappedNodeName_ReadsItsOwnSection()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cvm_params_{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "/robot/cam_perception:\n  ros__parameters:\n    threads: 7\ncvm_perception:\n  ros__parameters:\n    threads: 3\n");
        try
        {
            var setup = Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "-r", "__node:=cam_perception", "-r", "__ns:=/robot", "--params-file", file]));
            Assert.Equal("/robot/cam_perception", setup.Names.FullyQualifiedName);
            Assert.Equal(7, setup.Parameters.Threads);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("cvm_perception", "/")]
    [InlineData("cam_perception", "/robot1/front")]
    public void Load_CommittedConfigUnderAnyNameAndNamespace_Applies(string nodeName, string ns)
    {
        // the shipped file with one value changed: it must reach the node whatever the launch file names it
        var file = Path.Combine(Path.GetTempPath(), $"cvm_params_{Guid.NewGuid():N}.yaml");
        var text = File.ReadAllText(ConfigPath);
        Assert.StartsWith("/**:\n", text[text.IndexOf("/**:", StringComparison.Ordinal)..]);
        File.WriteAllText(file, text.Replace("    keyframes.min_baseline: 0.06\n", "    keyframes.min_baseline: 0.09\n", StringComparison.Ordinal));
        try
        {
            var setup = Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "-r", $"__node:={nodeName}", "-r", $"__ns:={ns}", "--params-file", file]));
            Assert.Equal(0.09, setup.Parameters.Keyframes.MinBaselineM);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("no_such_parameter:=1", "no_such_parameter")]
    [InlineData("threads:=1000", "threads")]
    [InlineData("threads:=two", "threads")]
    [InlineData("device:=tpu", "device")]
    [InlineData("keyframes.min_baseline:=-0.5", "keyframes.min_baseline")]
    [InlineData("keyframes.keyframe_capacity:=1", "keyframes.keyframe_capacity")]
    [InlineData("camera_mounting.translation:=[1.0, 2.0]", "camera_mounting.translation")]
    [InlineData("camera_mounting.rotation_xyzw:=[0.0, 0.0, 0.0, 0.0]", "camera_mounting.rotation_xyzw")]
    [InlineData("image_topic:=\"bad topic\"", "image_topic")]
    public void Load_UnknownOrOutOfRange_StartUpErrorNamingTheParameter(string rule, string name)
    {
        var e = Assert.Throws<NodeParameterException>(() => Cli.NodeSetup.From(RosArguments.Parse(["node", "--ros-args", "-p", rule])));
        Assert.Equal(name, e.Parameter);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeHelp_ListsEveryParameter()
    {
        var help = Cli.NodeHelp.Text();
        foreach (var d in NodeParameterTable.All) Assert.Contains("  " + d.Name + " (", help, StringComparison.Ordinal);
    }
}
