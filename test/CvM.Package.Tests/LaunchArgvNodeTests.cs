using CvM.Node.Cli;
using CvM.Node.Conversion;
using CvM.Node.Parameters;
using CvM.Package.Tests.Support;
using CvM.Ros.Arguments;
using CvM.Ros.Parameters;
using CvM.TestSupport;

namespace CvM.Package.Tests;

/// <summary>
/// Acceptance 2: the node accepts exactly the argv <c>ros2 launch</c> gives it for both launch files. The argv from
/// the launch/launch_ros stand-in goes through the node's own start-up parsing (<see cref="RosArguments.Parse"/>,
/// then <see cref="NodeSetup.From"/>: name/namespace remaps, params files in order, parameter validation).
/// </summary>
public sealed class LaunchArgvNodeTests
{
    public static TheoryData<string> LaunchFiles => new() { "cvm_perception.launch.xml", "cvm_perception.launch.py" };

    [Theory]
    [MemberData(nameof(LaunchFiles))]
    public void NodeSetup_LaunchDefaults_AcceptsArgvAndResolvesRemappedTopics(string file)
    {
        using var tmp = new TempFolder("cvm_launch");
        var argv = Assert.Single(LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile(file), RepoPaths.Root, tmp.Path).Nodes).Arguments;

        var ros = RosArguments.Parse(argv);
        Assert.Equal(["node"], ros.ProgramArguments);
        var setup = NodeSetup.From(ros);

        Assert.Equal("/cvm_perception", setup.Names.FullyQualifiedName);
        Assert.Equal("/camera/image_raw", setup.Names.ResolveTopicName(setup.Parameters.ImageTopic));
        Assert.Equal("/camera/camera_info", setup.Names.ResolveTopicName(setup.Parameters.CameraInfoTopic));
        Assert.Equal("/odom", setup.Names.ResolveTopicName(setup.Parameters.OdomTopic));
        Assert.Equal("/cvm_perception/depth", setup.Names.ResolveTopicName(OutputTopics.Name(OutputTopic.Depth)));
        Assert.Equal("auto", setup.Parameters.Device);

        // Apart from device (a launch argument), the node runs with exactly the shipped YAML's values.
        var yamlOnly = NodeParameterLoader.Load(ParameterResolver.Load(RosArguments.Parse(
            ["--ros-args", "--params-file", Path.Combine(RepoPaths.Root, "config", "cvm_perception.yaml")])).Resolve("/cvm_perception"));
        foreach (var d in NodeParameterTable.All.Where(d => d.Name != "device"))
            Assert.True(d.Get(yamlOnly).Equals(d.Get(setup.Parameters)), $"{d.Name}: launch gives {d.Get(setup.Parameters)}, the YAML {d.Get(yamlOnly)}");
    }

    [Theory]
    [MemberData(nameof(LaunchFiles))]
    public void NodeSetup_LaunchWithArguments_AppliesNameNamespaceRemapsAndParameters(string file)
    {
        using var tmp = new TempFolder("cvm_launch");
        var custom = Path.Combine(tmp.Path, "custom.yaml");
        File.WriteAllText(custom, """
            /**:
              ros__parameters:
                threads: 1
                outputs:
                  normals_color: false
            /robot1/front_perception:
              ros__parameters:
                max_rate_hz: 7.5
            /other_node:
              ros__parameters:
                threads: 9
            """);
        var argv = Assert.Single(LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile(file), RepoPaths.Root, tmp.Path,
            "namespace:=robot1", "node_name:=front_perception", "image_topic:=/front/image_raw",
            "camera_info_topic:=/front/camera_info", "odom_topic:=odometry/filtered", "params_file:=" + custom,
            "use_sim_time:=true", "device:=cpu").Nodes).Arguments;

        var setup = NodeSetup.From(RosArguments.Parse(argv));

        Assert.Equal("/robot1/front_perception", setup.Names.FullyQualifiedName);
        Assert.Equal("/front/image_raw", setup.Names.ResolveTopicName(setup.Parameters.ImageTopic));
        Assert.Equal("/front/camera_info", setup.Names.ResolveTopicName(setup.Parameters.CameraInfoTopic));
        Assert.Equal("/robot1/odometry/filtered", setup.Names.ResolveTopicName(setup.Parameters.OdomTopic));
        Assert.Equal("/robot1/front_perception/normals/color", setup.Names.ResolveTopicName(OutputTopics.Name(OutputTopic.NormalsColor)));
        Assert.Equal("cpu", setup.Parameters.Device);
        Assert.Equal(1, setup.Parameters.Threads);
        Assert.False(setup.Parameters.PublishNormalsColor);
        Assert.Equal(7.5, setup.Parameters.MaxRateHz);
        Assert.Equal(new NodeParameters().QueueCapacity, setup.Parameters.QueueCapacity);
        Assert.True(setup.Parameters.PublishSemanticsColor);
    }

    [Theory]
    [MemberData(nameof(LaunchFiles))]
    public void NodeSetup_LaunchDeviceNotAChoice_ThrowsNamingDevice(string file)
    {
        using var tmp = new TempFolder("cvm_launch");
        var argv = Assert.Single(LaunchEvaluation.Evaluate(LaunchEvaluation.LaunchFile(file), RepoPaths.Root, tmp.Path, "device:=gpu").Nodes).Arguments;
        var e = Assert.Throws<NodeParameterException>(() => NodeSetup.From(RosArguments.Parse(argv)));
        Assert.Equal("device", e.Parameter);
    }
}
