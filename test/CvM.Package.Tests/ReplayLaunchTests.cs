using CvM.Node.Cli;
using CvM.Package.Tests.Support;
using CvM.Ros.Arguments;
using CvM.TestSupport;

namespace CvM.Package.Tests;

/// <summary>launch/cvm_perception_replay.launch.xml (replay / eval of a bag): its argv goes through the node's verb and ROS parsing.</summary>
public sealed class ReplayLaunchTests
{
    private static string LaunchFile => LaunchEvaluation.LaunchFile("cvm_perception_replay.launch.xml");

    [Theory]
    [InlineData("replay")]
    [InlineData("eval")]
    public void NodeSetup_ReplayLaunchArgv_VerbOptionsAndParametersAccepted(string verb)
    {
        using var tmp = new TempFolder("cvm_launch");
        var bag = Path.Combine(tmp.Path, "my bag");
        var e = LaunchEvaluation.Evaluate(LaunchFile, RepoPaths.Root, tmp.Path, "verb:=" + verb, "bag:=" + bag,
            "out:=" + Path.Combine(tmp.Path, "out"), "image_topic:=/cam/image", "device:=cpu");
        Assert.Empty(e.Warnings);
        var argv = Assert.Single(e.Nodes).Arguments;
        string[] expected =
        [
            verb, bag, "--out", Path.Combine(tmp.Path, "out"), "--image-topic", "/cam/image",
            "--camera-info-topic", "/camera/color/camera_info", "--odom-topic", "/odom",
            "--depth-topic", "/camera/depth/image_raw", "--depth-info-topic", "/camera/depth/camera_info",
            "--ros-args", "--params-file", RepoPaths.Root + "/config/cvm_perception.yaml", "--params-file", argv[^1],
        ];
        Assert.Equal(expected, argv);

        var ros = RosArguments.Parse(argv);
        var options = verb == "replay"
            ? VerbOptions.Parse(ros.ProgramArguments.Skip(1), ReplayVerb.Valued, ReplayVerb.Flags)
            : VerbOptions.Parse(ros.ProgramArguments.Skip(1), EvalVerb.Valued, EvalVerb.Flags);
        Assert.Equal([bag], options.Positionals);
        Assert.Equal("/cam/image", options.Get("image-topic"));
        Assert.Equal(Path.Combine(tmp.Path, "out"), options.Get("out"));
        var setup = NodeSetup.From(ros);
        Assert.Equal("/cvm_perception", setup.Names.FullyQualifiedName);
        Assert.Equal("cpu", setup.Parameters.Device);
    }
}
