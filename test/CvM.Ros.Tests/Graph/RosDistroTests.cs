using CvM.Messages.RmwDdsCommon;
using CvM.Ros.Graph;

namespace CvM.Ros.Tests.Graph;

public sealed class RosDistroTests
{
    [Theory]
    [InlineData("humble", "humble", 24)]
    [InlineData("Humble ", "humble", 24)]
    [InlineData("foxy", "foxy", 24)]
    [InlineData("galactic", "galactic", 24)]
    [InlineData("iron", "iron", 16)]
    [InlineData("jazzy", "jazzy", 16)]
    [InlineData("JAZZY", "jazzy", 16)]
    [InlineData("kilted", "kilted", 16)]
    [InlineData("rolling", "rolling", 16)]
    [InlineData("lyrical", "lyrical", 16)]
    public void Parse_DistroName_GivesGidSize(string input, string name, int gidBytes)
    {
        var distro = RosDistro.Parse(input);
        Assert.Equal(name, distro.Name);
        Assert.Equal(gidBytes, (int)distro.GidSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("jazzy2")]
    [InlineData("12")]
    [InlineData("ament")]
    [InlineData("hydro-ish")]
    public void Parse_NotADistro_ThrowsArgumentException(string input)
    {
        Assert.Throws<ArgumentException>(() => RosDistro.Parse(input));
        Assert.False(RosDistro.TryParse(input, out _));
    }

    [Fact]
    public void Resolve_NothingSet_DefaultsToJazzy()
    {
        var distro = RosDistro.Resolve(null, _ => null);
        Assert.Same(RosDistro.Jazzy, distro);
        Assert.Equal(GidSize.Jazzy, distro.GidSize);
    }

    [Fact]
    public void Resolve_RosDistroEnvironment_IsUsed()
    {
        var distro = RosDistro.Resolve(null, v => v == "ROS_DISTRO" ? "humble" : null);
        Assert.Equal(GidSize.Humble, distro.GidSize);
    }

    [Fact]
    public void Resolve_ParameterAndEnvironment_ParameterWins()
    {
        var distro = RosDistro.Resolve("jazzy", _ => "humble");
        Assert.Equal(GidSize.Jazzy, distro.GidSize);
    }

    [Fact]
    public void Resolve_BadEnvironment_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => RosDistro.Resolve(null, _ => "not a distro"));
    }
}
