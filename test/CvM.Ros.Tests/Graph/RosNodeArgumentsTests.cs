using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Ros.Arguments;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Names;
using CvM.Ros.Qos;
using CvM.Ros.Tests.Dds;

namespace CvM.Ros.Tests.Graph;

/// <summary>
/// <see cref="RosNode.FromArguments(string, RosArguments, RosNodeOptions?)"/>: the command line's <c>__node</c>,
/// <c>__ns</c>, topic remaps and enclave reach the graph announcement, the DDS topic names and the participant
/// USER_DATA; the distribution decides the <c>typehash=</c> USER_DATA. What other processes see is read from
/// Cyclone's built-in discovery topics through an observer participant.
/// </summary>
public sealed class RosNodeArgumentsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static RosNodeOptions Options(uint domain, RosDistro distro) =>
        new(new DdsParticipantOptions(domain, CycloneConfig.Loopback), distro);

    private static RosArguments Args(params string[] argv) => RosArguments.Parse(argv);

    // defaultName, argv -> expected node name, namespace, and the ROS topics of writers on "image", "~/depth", "/abs/odom".
    public static TheoryData<string[], string, string, string, string, string> Cases => new()
    {
        { [], "cvm", "/", "/image", "/cvm/depth", "/abs/odom" },
        { ["--ros-args", "-r", "__node:=renamed", "-r", "__ns:=/robot1"], "renamed", "/robot1", "/robot1/image", "/robot1/renamed/depth", "/abs/odom" },
        { ["--ros-args", "-r", "image:=/camera/image_raw", "-r", "/abs/odom:=odom"], "cvm", "/", "/camera/image_raw", "/cvm/depth", "/odom" },
        { ["--ros-args", "-r", "__ns:=/r2", "-r", "~/depth:=out/depth"], "cvm", "/r2", "/r2/image", "/r2/out/depth", "/abs/odom" },
        // Node-prefixed rules: __node/__ns rules match the name the node was created with, topic rules its new name.
        { ["--ros-args", "-r", "other:__node:=x", "-r", "cvm:__node:=cam", "-r", "cvm:image:=/wrong", "-r", "cam:image:=/right"], "cam", "/", "/right", "/cam/depth", "/abs/odom" },
        // The first matching rule wins.
        { ["--ros-args", "-r", "image:=first", "-r", "image:=second", "-r", "rostopic://~/depth:=/d"], "cvm", "/", "/first", "/d", "/abs/odom" },
        // Service-only rules leave topics alone.
        { ["--ros-args", "-r", "rosservice://image:=/srv"], "cvm", "/", "/image", "/cvm/depth", "/abs/odom" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromArguments_RemapRules_NodeAndTopicsRenamed(string[] argv, string name, string ns, string image, string depth, string odom)
    {
        using var node = RosNode.FromArguments("cvm", Args(argv), Options(LoopbackDomain.NextId(), RosDistro.Jazzy));
        Assert.Equal((name, ns), (node.Name, node.Namespace));
        Assert.Equal(RosNames.FullyQualifiedNodeName(ns, name), node.Names.FullyQualifiedName);
        using var w1 = node.CreateWriter("image", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        using var w2 = node.CreateWriter("~/depth", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        using var r3 = node.CreateReader("/abs/odom", DdsTypeSupport.For<Odometry>(), QosProfile.Default);
        Assert.Equal((image, depth, odom), (w1.Info.RosTopic, w2.Info.RosTopic, r3.Info.RosTopic));
        Assert.Equal("rt" + image, w1.Info.DdsTopic);

        // The graph announcement carries the remapped name and namespace and the three endpoints.
        var info = node.Discovery.Graph.Snapshot(out _);
        var entry = Assert.Single(info.NodeEntitiesInfoSeq);
        Assert.Equal((ns, name), (entry.NodeNamespace, entry.NodeName));
        Assert.Equal(2, entry.WriterGidSeq.Length);
        Assert.Single(entry.ReaderGidSeq);
    }

    [Fact]
    public void FromArguments_NamespaceDefault_RelativeRulesResolvedInIt()
    {
        using var node = RosNode.FromArguments("cvm", "/default_ns", Args("--ros-args", "-r", "image:=raw"), Options(LoopbackDomain.NextId(), RosDistro.Jazzy));
        Assert.Equal("/default_ns", node.Namespace);
        Assert.Equal("/default_ns/raw", node.ResolveTopic("image"));
        Assert.Equal("/default_ns/other", node.ResolveTopic("other"));
    }

    [Fact]
    public void FromArguments_InvalidDefaultName_ThrowsRosNameException()
    {
        Assert.Throws<RosNameException>(() => RosNode.FromArguments("9bad", Args(), Options(LoopbackDomain.NextId(), RosDistro.Jazzy)));
    }

    [Fact]
    public void FromArguments_Enclave_InParticipantUserData()
    {
        using var node = RosNode.FromArguments("cvm", Args("--ros-args", "-e", "/secure/cam"), Options(LoopbackDomain.NextId(), RosDistro.Jazzy));
        using var observer = DdsParticipant.Create(new DdsParticipantOptions(node.Participant.DomainId, CycloneConfig.Loopback));
        var e = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsParticipant, x => x.Guid == node.Participant.Guid.ToString(), Wait);
        Assert.NotNull(e);
        Assert.Equal("enclave=/secure/cam;", e.UserData);
    }

    [Theory]
    [InlineData("jazzy", true)]
    [InlineData("iron", true)]
    [InlineData("humble", false)]
    public void CreateWriterAndReader_Distro_TypeHashUserDataOnlyFromIron(string distroName, bool expectHash)
    {
        var distro = RosDistro.Parse(distroName);
        Assert.Equal(expectHash, distro.HasTypeHashes);
        using var node = RosNode.FromArguments("cvm", Args(), Options(LoopbackDomain.NextId(), distro));
        Assert.Equal(expectHash, node.Participant.TypeHashUserData);
        using var observer = DdsParticipant.Create(new DdsParticipantOptions(node.Participant.DomainId, CycloneConfig.Loopback));
        using var writer = node.CreateWriter("image", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        using var reader = node.CreateReader("odom", DdsTypeSupport.For<Odometry>(), QosProfile.Default);

        var w = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsPublication, x => x.Guid == writer.Guid.ToString(), Wait);
        var r = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsSubscription, x => x.Guid == reader.Guid.ToString(), Wait);
        var d = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsPublication, x => x.Guid == node.Discovery.WriterGuid.ToString(), Wait);
        Assert.NotNull(w);
        Assert.NotNull(r);
        Assert.NotNull(d);
        Assert.Equal("ros_discovery_info", d.TopicName);
        // Jazzy's values (DESIGN §4) and rmw_dds_common's hash of the 16-byte layout, or nothing for Humble.
        Assert.Equal(expectHash ? "typehash=RIHS01_d31d41a9a4c4bc8eae9be757b0beed306564f7526c88ea6a4588fb9582527d47;" : "", w.UserData);
        Assert.Equal(expectHash ? "typehash=RIHS01_3cc97dc7fb7502f8714462c526d369e35b603cfc34d946e3f2eda2766dfec6e0;" : "", r.UserData);
        var discoveryHash = CvM.Messages.Definitions.MessageDefinitions.Get("rmw_dds_common/msg/ParticipantEntitiesInfo").Rihs01;
        Assert.Equal(expectHash ? $"typehash={discoveryHash};" : "", d.UserData);
    }

    [Fact]
    public void Create_ParticipantOptionsWithoutTypeHashes_KeptOffForJazzy()
    {
        var options = new RosNodeOptions(new DdsParticipantOptions(LoopbackDomain.NextId(), CycloneConfig.Loopback) { TypeHashUserData = false }, RosDistro.Jazzy);
        using var node = RosNode.Create("cvm", "/", options);
        Assert.False(node.Participant.TypeHashUserData);
        Assert.Equal(RosDistro.Jazzy, node.Distro);
    }
}
