using CvM.Ros.Arguments;
using CvM.Ros.Names;

namespace CvM.Ros.Tests.Names;

public sealed class RosNameResolverTests
{
    // Node my_node in /my_ns; remap rules (as -r arguments); topic name -> resolved name.
    public static TheoryData<string[], string, string> TopicCases => new()
    {
        { [], "foo", "/my_ns/foo" },
        { ["foo:=bar"], "foo", "/my_ns/bar" },
        { ["foo:=bar"], "/my_ns/foo", "/my_ns/bar" },
        { ["foo:=bar"], "/foo", "/foo" },
        { ["foo:=bar"], "foo/baz", "/my_ns/foo/baz" },
        { ["/foo:=bar"], "/foo", "/my_ns/bar" },
        { ["/foo:=bar"], "foo", "/my_ns/foo" },
        { ["foo:=/abs/bar"], "foo", "/abs/bar" },
        { ["~/foo:=/x"], "~/foo", "/x" },
        { ["~/foo:=/x"], "/my_ns/my_node/foo", "/x" },
        { ["foo:=~/bar"], "foo", "/my_ns/my_node/bar" },
        { ["my_node:foo:=bar"], "foo", "/my_ns/bar" },
        { ["other:foo:=bar"], "foo", "/my_ns/foo" },
        { ["foo:=a", "foo:=b"], "foo", "/my_ns/a" },
        { ["other:foo:=a", "foo:=b"], "foo", "/my_ns/b" },
        { ["rostopic://foo:=t"], "foo", "/my_ns/t" },
        { ["rosservice://foo:=s"], "foo", "/my_ns/foo" },
        { ["__node:=renamed"], "~/x", "/my_ns/renamed/x" },
        { ["__ns:=/demo"], "chatter", "/demo/chatter" },
        { ["__ns:=/demo", "chatter:=my_topic"], "chatter", "/demo/my_topic" },
        { ["__ns:=/"], "~/x", "/my_node/x" },
        // Topic rules with a node prefix match the node's remapped name (rcl_node_get_name).
        { ["__node:=renamed", "my_node:foo:=bar"], "foo", "/my_ns/foo" },
        { ["__node:=renamed", "renamed:foo:=bar"], "foo", "/my_ns/bar" },
        // Node-name and namespace rules select by the original name.
        { ["my_node:__node:=renamed", "renamed:__ns:=/x"], "~/t", "/my_ns/renamed/t" },
        { ["my_node:__ns:=/x"], "t", "/x/t" },
    };

    [Theory]
    [MemberData(nameof(TopicCases))]
    public void ResolveTopicName_RemapTable_GivesRclResult(string[] rules, string name, string expected)
    {
        var resolver = Resolver("my_node", "/my_ns", rules);
        Assert.Equal(expected, resolver.ResolveTopicName(name));
    }

    [Fact]
    public void ResolveServiceName_UrlPrefixedRules_ApplyToTheirKindOnly()
    {
        var resolver = Resolver("my_node", "/my_ns", ["rostopic://foo:=t", "rosservice://foo:=s", "bar:=both"]);
        Assert.Equal("/my_ns/s", resolver.ResolveServiceName("foo"));
        Assert.Equal("/my_ns/t", resolver.ResolveTopicName("foo"));
        Assert.Equal("/my_ns/both", resolver.ResolveServiceName("bar"));
        Assert.Equal("/my_ns/both", resolver.ResolveTopicName("bar"));
    }

    [Fact]
    public void Create_DocsTalkerExample_RenamesNodeNamespaceAndTopic()
    {
        // ros2 run demo_nodes_cpp talker --ros-args -r __ns:=/demo -r __node:=my_talker -r chatter:=my_topic
        var args = RosArguments.Parse(["--ros-args", "-r", "__ns:=/demo", "-r", "__node:=my_talker", "-r", "chatter:=my_topic"]);
        var resolver = RosNameResolver.Create("talker", "/", args);
        Assert.Equal("talker", resolver.OriginalNodeName);
        Assert.Equal("my_talker", resolver.NodeName);
        Assert.Equal("/demo", resolver.Namespace);
        Assert.Equal("/demo/my_talker", resolver.FullyQualifiedName);
        Assert.Equal("/demo/my_topic", resolver.ResolveTopicName("chatter"));
    }

    [Fact]
    public void Create_CompositionExample_RenamesEachNodeByItsPrefix()
    {
        // ros2 run composition manual_composition --ros-args -r talker:__node:=my_talker -r listener:__node:=my_listener
        var args = RosArguments.Parse(["--ros-args", "-r", "talker:__node:=my_talker", "-r", "listener:__node:=my_listener"]);
        Assert.Equal("/my_talker", RosNameResolver.Create("talker", "", args).FullyQualifiedName);
        Assert.Equal("/my_listener", RosNameResolver.Create("listener", "", args).FullyQualifiedName);
        Assert.Equal("/other", RosNameResolver.Create("other", "", args).FullyQualifiedName);
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("ns", "/ns")]
    [InlineData("/a/b", "/a/b")]
    public void Create_NamespaceForms_AreMadeAbsolute(string ns, string expected)
    {
        Assert.Equal(expected, RosNameResolver.Create("n", ns, Array.Empty<RemapRule>()).Namespace);
    }

    [Theory]
    [InlineData("9n", "/")]
    [InlineData("n", "/a//b")]
    [InlineData("n", "/a/")]
    public void Create_InvalidNodeOrNamespace_ThrowsRosNameException(string node, string ns)
    {
        Assert.Throws<RosNameException>(() => RosNameResolver.Create(node, ns, Array.Empty<RemapRule>()));
    }

    [Fact]
    public void ResolveTopicName_InvalidName_ThrowsRosNameException()
    {
        var resolver = Resolver("n", "/", []);
        var ex = Assert.Throws<RosNameException>(() => resolver.ResolveTopicName("bad name"));
        Assert.Equal("bad name", ex.Name);
        Assert.Equal(3, ex.InvalidIndex);
    }

    private static RosNameResolver Resolver(string node, string ns, string[] rules)
    {
        var argv = new List<string> { "--ros-args" };
        foreach (var r in rules)
        {
            argv.Add("-r");
            argv.Add(r);
        }
        return RosNameResolver.Create(node, ns, RosArguments.Parse(argv));
    }
}
