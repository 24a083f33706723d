using CvM.Ros.Names;

namespace CvM.Ros.Tests.Names;

public sealed class RosNamesExpansionTests
{
    // The expansion table of the ROS 2 design article "Topic and Service names" (node my_node in /my_ns),
    // plus the same names for a node in the root namespace.
    [Theory]
    [InlineData("ping", "my_node", "/my_ns", "/my_ns/ping")]
    [InlineData("/ping", "my_node", "/my_ns", "/ping")]
    [InlineData("~", "my_node", "/my_ns", "/my_ns/my_node")]
    [InlineData("~/ping", "my_node", "/my_ns", "/my_ns/my_node/ping")]
    [InlineData("{node}", "my_node", "/my_ns", "/my_ns/my_node")]
    [InlineData("{ns}", "my_node", "/my_ns", "/my_ns")]
    [InlineData("{namespace}", "my_node", "/my_ns", "/my_ns")]
    [InlineData("{ns}/ping", "my_node", "/my_ns", "/my_ns/ping")]
    [InlineData("/{node}", "my_node", "/my_ns", "/my_node")]
    [InlineData("~/{node}", "my_node", "/my_ns", "/my_ns/my_node/my_node")]
    [InlineData("foo/bar", "my_node", "/my_ns/sub", "/my_ns/sub/foo/bar")]
    [InlineData("ping", "my_node", "/", "/ping")]
    [InlineData("~/ping", "my_node", "/", "/my_node/ping")]
    [InlineData("~", "my_node", "/", "/my_node")]
    [InlineData("{ns}/ping", "my_node", "/", "/ping")]
    [InlineData("depth", "cvm_perception", "/camera", "/camera/depth")]
    [InlineData("~/depth", "cvm_perception", "/camera", "/camera/cvm_perception/depth")]
    public void ExpandTopicName_DesignArticleTable_GivesFullyQualifiedName(string name, string node, string ns, string expected)
    {
        Assert.Equal(expected, RosNames.ExpandTopicName(name, node, ns));
    }

    [Theory]
    [InlineData("7up", "n", "/")]
    [InlineData("a//b", "n", "/")]
    [InlineData("{unknown}", "n", "/")]
    [InlineData("ok", "9n", "/")]
    [InlineData("ok", "n", "rel")]
    [InlineData("ok", "n", "/ns/")]
    [InlineData("{ns}", "n", "/")]
    public void ExpandTopicName_InvalidInput_ThrowsRosNameException(string name, string node, string ns)
    {
        Assert.Throws<RosNameException>(() => RosNames.ExpandTopicName(name, node, ns));
    }

    [Fact]
    public void FullyQualifiedNodeName_RootAndNested_JoinWithoutDoubleSlash()
    {
        Assert.Equal("/talker", RosNames.FullyQualifiedNodeName("/", "talker"));
        Assert.Equal("/demo/talker", RosNames.FullyQualifiedNodeName("/demo", "talker"));
    }
}
