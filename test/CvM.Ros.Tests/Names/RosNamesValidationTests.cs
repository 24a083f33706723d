using CvM.Ros.Names;

namespace CvM.Ros.Tests.Names;

public sealed class RosNamesValidationTests
{
    [Theory]
    [InlineData("my_node", true, -1)]
    [InlineData("_hidden", true, -1)]
    [InlineData("n1", true, -1)]
    [InlineData("CamelCase", true, -1)]
    [InlineData("", false, 0)]
    [InlineData("1node", false, 0)]
    [InlineData("my-node", false, 2)]
    [InlineData("ns/node", false, 2)]
    [InlineData("node~", false, 4)]
    [InlineData("nöde", false, 1)]
    public void ValidateNodeName_Table_MatchesRmwRules(string name, bool valid, int index)
    {
        var r = RosNames.ValidateNodeName(name);
        Assert.Equal(valid, r.IsValid);
        Assert.Equal(index, r.InvalidIndex);
    }

    [Fact]
    public void ValidateNodeName_TooLong_IsInvalid()
    {
        Assert.True(RosNames.ValidateNodeName(new string('a', 255)).IsValid);
        Assert.False(RosNames.ValidateNodeName(new string('a', 256)).IsValid);
    }

    [Theory]
    [InlineData("/", true, -1)]
    [InlineData("/demo", true, -1)]
    [InlineData("/a/b_c/d1", true, -1)]
    [InlineData("", false, 0)]
    [InlineData("demo", false, 0)]
    [InlineData("/demo/", false, 5)]
    [InlineData("//demo", false, 1)]
    [InlineData("/a//b", false, 3)]
    [InlineData("/1demo", false, 1)]
    [InlineData("/a/2b", false, 3)]
    [InlineData("/de-mo", false, 3)]
    [InlineData("/~/x", false, 1)]
    public void ValidateNamespace_Table_MatchesRmwRules(string ns, bool valid, int index)
    {
        var r = RosNames.ValidateNamespace(ns);
        Assert.Equal(valid, r.IsValid);
        Assert.Equal(index, r.InvalidIndex);
    }

    [Theory]
    [InlineData("/chatter", true)]
    [InlineData("/camera/image_raw", true)]
    [InlineData("/_private/x", true)]
    [InlineData("/", false)]
    [InlineData("chatter", false)]
    [InlineData("/chatter/", false)]
    [InlineData("/a//b", false)]
    [InlineData("/a/3b", false)]
    [InlineData("/a b", false)]
    [InlineData("/~x", false)]
    [InlineData("/{node}", false)]
    public void ValidateFullTopicName_Table_MatchesRmwRules(string name, bool valid)
    {
        Assert.Equal(valid, RosNames.ValidateFullTopicName(name).IsValid);
    }

    [Fact]
    public void ValidateFullTopicName_LongerThan247_IsInvalid()
    {
        Assert.True(RosNames.ValidateFullTopicName("/" + new string('a', 246)).IsValid);
        Assert.False(RosNames.ValidateFullTopicName("/" + new string('a', 247)).IsValid);
    }

    [Theory]
    [InlineData("chatter", true, -1)]
    [InlineData("~", true, -1)]
    [InlineData("~/depth", true, -1)]
    [InlineData("/abs/name", true, -1)]
    [InlineData("foo/bar", true, -1)]
    [InlineData("{node}/x", true, -1)]
    [InlineData("/{ns}/x", true, -1)]
    [InlineData("", false, 0)]
    [InlineData("7foo", false, 0)]
    [InlineData("foo/7bar", false, 4)]
    [InlineData("foo/", false, 3)]
    [InlineData("foo~", false, 3)]
    [InlineData("~foo", false, 1)]
    [InlineData("~x", false, 1)]
    [InlineData("foo/{bar", false, 4)]
    [InlineData("foo}", false, 3)]
    [InlineData("{4bar}", false, 1)]
    [InlineData("{a/b}", false, 2)]
    [InlineData("{{a}}", false, 1)]
    [InlineData("foo bar", false, 3)]
    [InlineData("foo.bar", false, 3)]
    public void ValidateTopicName_Table_MatchesRclRules(string name, bool valid, int index)
    {
        var r = RosNames.ValidateTopicName(name);
        Assert.Equal(valid, r.IsValid);
        Assert.Equal(index, r.InvalidIndex);
    }
}
