using CvM.Package.Tests.Support;
using CvM.TestSupport;

namespace CvM.Package.Tests;

/// <summary>
/// The command line each launch file gives the node, evaluated with the launch/launch_ros stand-in
/// (peers/launch_standin) and compared with the form launch_ros's Node action builds:
/// <c>EXE node --ros-args -r __node:=NAME -r __ns:=/NS --params-file FILE [--params-file TMP ...] -r from:=to ...</c>.
/// </summary>
public sealed class LaunchFileTests
{
    public static TheoryData<string> LaunchFiles => new() { "cvm_perception.launch.xml", "cvm_perception.launch.py" };

    private static string ShareYaml => RepoPaths.Root + "/config/cvm_perception.yaml";

    [Theory]
    [MemberData(nameof(LaunchFiles))]
    public void Evaluate_Defaults_GivesLaunchRosCommandLine(string file)
    {
        using var tmp = new TempFolder("cvm_launch");
        var e = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile(file), RepoPaths.Root, tmp.Path);
        Assert.Empty(e.Warnings);
        var node = Assert.Single(e.Nodes);
        var argv = node.Argv;
        Assert.Equal(19, argv.Count);
        string[] expected =
        [
            "cvm_perception", "node", "--ros-args", "-r", "__node:=cvm_perception", "-r", "__ns:=/",
            "--params-file", ShareYaml, "--params-file", argv[10], "--params-file", argv[12],
            "-r", "image:=/camera/image_raw", "-r", "camera_info:=/camera/camera_info", "-r", "odom:=/odom",
        ];
        Assert.Equal(expected, argv);
        Assert.StartsWith(Path.Combine(tmp.Path, "launch_params_"), argv[10], StringComparison.Ordinal);
        Assert.Equal("/cvm_perception:\n  ros__parameters:\n    use_sim_time: false\n", node.ParamsFiles[argv[10]]);
        Assert.Equal("/cvm_perception:\n  ros__parameters:\n    device: auto\n", node.ParamsFiles[argv[12]]);
    }

    [Theory]
    [MemberData(nameof(LaunchFiles))]
    public void Evaluate_EveryArgumentGiven_ArgvCarriesEach(string file)
    {
        using var tmp = new TempFolder("cvm_launch");
        var custom = Path.Combine(tmp.Path, "custom.yaml");
        File.WriteAllText(custom, "/**:\n  ros__parameters:\n    threads: 1\n");
        var e = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile(file), RepoPaths.Root, tmp.Path,
            "namespace:=robot1", "node_name:=front_perception", "image_topic:=/front/image_raw",
            "camera_info_topic:=/front/camera_info", "odom_topic:=/robot1/odom", "params_file:=" + custom,
            "use_sim_time:=true", "device:=cpu");
        Assert.Empty(e.Warnings);
        Assert.Empty(e.Undeclared);
        var node = Assert.Single(e.Nodes);
        var argv = node.Argv;
        string[] expected =
        [
            "cvm_perception", "node", "--ros-args", "-r", "__node:=front_perception", "-r", "__ns:=/robot1",
            "--params-file", custom, "--params-file", argv[10], "--params-file", argv[12],
            "-r", "image:=/front/image_raw", "-r", "camera_info:=/front/camera_info", "-r", "odom:=/robot1/odom",
        ];
        Assert.Equal(expected, argv);
        Assert.Equal("/robot1/front_perception:\n  ros__parameters:\n    use_sim_time: true\n", node.ParamsFiles[argv[10]]);
        Assert.Equal("/robot1/front_perception:\n  ros__parameters:\n    device: cpu\n", node.ParamsFiles[argv[12]]);
    }

    [Fact]
    public void Declare_BothFiles_SameArgumentsAsTheIssueAsks()
    {
        using var tmp = new TempFolder("cvm_launch");
        var xml = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile("cvm_perception.launch.xml"), RepoPaths.Root, tmp.Path);
        var py = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile("cvm_perception.launch.py"), RepoPaths.Root, tmp.Path);
        Assert.Equal(xml.ArgumentNames, py.ArgumentNames);
        Assert.Equal(xml.ArgumentDescriptions, py.ArgumentDescriptions);
        foreach (var required in new[] { "namespace", "image_topic", "camera_info_topic", "odom_topic", "params_file", "use_sim_time", "device" })
        {
            Assert.Contains(required, xml.ArgumentNames);
            Assert.False(string.IsNullOrWhiteSpace(xml.ArgumentDescriptions[required]), required + " has no description");
        }
    }

    public static TheoryData<string[]> ArgumentSets => new()
    {
        Array.Empty<string>(),
        new[] { "namespace:=/robot2/arm", "use_sim_time:=True", "device:=cuda" },
        new[] { "namespace:=robot1/", "node_name:=n2", "image_topic:=camera/image" },
    };

    [Theory]
    [MemberData(nameof(ArgumentSets))]
    public void Evaluate_XmlAndPython_SameCommandLine(string[] launchArguments)
    {
        using var tmp = new TempFolder("cvm_launch");
        var xml = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile("cvm_perception.launch.xml"), RepoPaths.Root, tmp.Path, launchArguments);
        var py = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile("cvm_perception.launch.py"), RepoPaths.Root, tmp.Path, launchArguments);
        Assert.Equal(Assert.Single(xml.Nodes).WithFileContents(), Assert.Single(py.Nodes).WithFileContents());
    }

    [Fact]
    public void Evaluate_MissingParamsFile_LeftOutWithWarningAsLaunchRosDoes()
    {
        using var tmp = new TempFolder("cvm_launch");
        var missing = Path.Combine(tmp.Path, "nope.yaml");
        var e = LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile("cvm_perception.launch.xml"), RepoPaths.Root, tmp.Path, "params_file:=" + missing);
        Assert.Equal(["Parameter file path is not a file: " + missing], e.Warnings);
        Assert.DoesNotContain(missing, Assert.Single(e.Nodes).Argv);
    }
}
