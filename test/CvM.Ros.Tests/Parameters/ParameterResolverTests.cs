using CvM.Ros.Arguments;
using CvM.Ros.Names;
using CvM.Ros.Parameters;

namespace CvM.Ros.Tests.Parameters;

public sealed class ParameterResolverTests
{
    // Node key -> node FQN -> match, per rclcpp's parameter_map_from ("/*" is one "/token", "/**" any number).
    public static TheoryData<string, string, bool> KeyCases => new()
    {
        { "node", "/node", true },
        { "node", "/ns/node", false },
        { "/node", "/node", true },
        { "/ns/node", "/ns/node", true },
        { "/ns/node", "/node", false },
        { "/ns/node", "/ns/node2", false },
        { "/**", "/x", true },
        { "/**", "/a/b/c", true },
        { "**", "/a/b", true },
        { "/*", "/x", true },
        { "*", "/x", true },
        { "/*", "/a/x", false },
        { "/**/node", "/node", true },
        { "/**/node", "/a/b/node", true },
        { "/**/node", "/a/b/nodes", false },
        { "/ns/*", "/ns/x", true },
        { "/ns/*", "/ns/a/x", false },
        { "/ns/*", "/other/x", false },
        { "/ns/**", "/ns/a/x", true },
        { "/**/camera/*", "/robot/camera/driver", true },
        { "/**/camera/*", "/camera/driver", true },
        { "/**/camera/*", "/camera", false },
        { "ns1/ns2/my_node", "/ns1/ns2/my_node", true },
        { "/*/node", "/a/node", true },
        { "/*/node", "/a/b/node", false },
    };

    [Theory]
    [MemberData(nameof(KeyCases))]
    public void Resolve_NodeKeyAgainstNodeName_MatchesAsRclcpp(string key, string nodeFqn, bool matches)
    {
        var file = ParameterFile.Parse($"'{key}':\n  ros__parameters:\n    p: 1\n", "k.yaml");
        var values = ParameterResolver.FromFiles([file]).Resolve(nodeFqn);
        Assert.Equal(matches, values.ContainsKey("p"));
    }

    // The docs' wildcard file: which parameters each node receives.
    public static TheoryData<string, string> WildcardCases => new()
    {
        { "/parameter_blackboard", "wildcard_full,wildcard_namespace,wildcard_nodename_root_namespace" },
        { "/ns/parameter_blackboard", "wildcard_full,wildcard_namespace" },
        { "/a/b/parameter_blackboard", "wildcard_full,wildcard_namespace" },
        { "/other", "wildcard_full,wildcard_nodename_root_namespace" },
        { "/a/b/other", "wildcard_full" },
    };

    [Theory]
    [MemberData(nameof(WildcardCases))]
    public void Resolve_DocsWildcardFile_GivesDocumentedParameters(string nodeFqn, string expectedNames)
    {
        using var tmp = new TempYamlFiles();
        var args = RosArguments.Parse(["--ros-args", "--params-file", tmp.Write("demo_params.yaml", ParameterFileTests.WildcardParams)]);
        var values = ParameterResolver.Load(args).Resolve(nodeFqn);
        Assert.Equal(expectedNames, string.Join(",", values.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Resolve_DocsDemoParams_GivesTypedValues()
    {
        using var tmp = new TempYamlFiles();
        var args = RosArguments.Parse(["--ros-args", "--params-file", tmp.Write("demo_params.yaml", ParameterFileTests.DemoParams)]);
        var values = ParameterResolver.Load(args).Resolve("/parameter_blackboard");
        Assert.Equal(4, values.Count);
        Assert.Equal(42L, values["some_int"].AsInteger());
        Assert.Equal("Hello world", values["a_string"].AsString());
        Assert.Equal([1L, 2, 3, 4], values["some_lists.some_integers"].AsIntegerArray());
        Assert.Equal([3.14, 2.718], values["some_lists.some_doubles"].AsDoubleArray());
        Assert.Empty(ParameterResolver.Load(args).Resolve("/ns/parameter_blackboard"));
    }

    [Fact]
    public void Resolve_CommandLineOverridesOfDocs_EqualTheDocsFile()
    {
        // The docs give the -p form and the file form of the same parameters: both must resolve alike.
        using var tmp = new TempYamlFiles();
        var fromFile = ParameterResolver.Load(RosArguments.Parse(["--ros-args", "--params-file", tmp.Write("d.yaml", ParameterFileTests.DemoParams)]))
            .Resolve("/parameter_blackboard");
        var fromFlags = ParameterResolver.Load(RosArguments.Parse(["--ros-args", "-p", "some_int:=42", "-p", "a_string:=Hello world",
            "-p", "some_lists.some_integers:=[1, 2, 3, 4]", "-p", "some_lists.some_doubles:=[3.14, 2.718]"])).Resolve("/parameter_blackboard");
        Assert.Equal(fromFile.OrderBy(kv => kv.Key, StringComparer.Ordinal), fromFlags.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    // Params-file contents (a, b) plus argv tail -> resolved "name=value" for /my_node.
    public static TheoryData<string, string, string[], string> PrecedenceCases => new()
    {
        // Files apply in order, the later file wins per parameter.
        { "/**:\n  ros__parameters:\n    a: 1\n    b: 1\n", "/**:\n  ros__parameters:\n    a: 2\n", ["--params-file", "A", "--params-file", "B"], "a=2,b=1" },
        { "/**:\n  ros__parameters:\n    a: 1\n    b: 1\n", "/**:\n  ros__parameters:\n    a: 2\n", ["--params-file", "B", "--params-file", "A"], "a=1,b=1" },
        // A -p after the file wins over the file's node section.
        { "/my_node:\n  ros__parameters:\n    x: 1\n", "", ["--params-file", "A", "-p", "x:=5"], "x=5" },
        // The last -p wins, with its own type.
        { "", "", ["-p", "x:=1", "-p", "x:=hello"], "x=\"hello\"" },
        // A -p before the file: the file's node section comes later, so it wins (rcl orders sections by first appearance).
        { "/my_node:\n  ros__parameters:\n    x: 1\n", "", ["-p", "x:=5", "--params-file", "A"], "x=1" },
        // rcl files an untargeted -p under /**: a file's later node-specific section still wins.
        { "/**:\n  ros__parameters:\n    x: 1\n/my_node:\n  ros__parameters:\n    x: 3\n", "", ["--params-file", "A", "-p", "x:=2"], "x=3" },
        // Node-targeted -p: only for /my_node.
        { "", "", ["-p", "my_node:x:=7", "-p", "other:y:=8"], "x=7" },
        // Specific sections after wildcards win; wildcards after specific sections win.
        { "/my_node:\n  ros__parameters:\n    x: 1\n/**:\n  ros__parameters:\n    x: 2\n", "", ["--params-file", "A"], "x=2" },
        { "/**:\n  ros__parameters:\n    x: 2\n/**/my_node:\n  ros__parameters:\n    x: 1\n", "", ["--params-file", "A"], "x=1" },
        // A section for another node contributes nothing.
        { "/ns/my_node:\n  ros__parameters:\n    x: 1\nmy_node2:\n  ros__parameters:\n    y: 1\n", "", ["--params-file", "A"], "" },
    };

    [Theory]
    [MemberData(nameof(PrecedenceCases))]
    public void Load_FilesAndOverrides_MergeInCommandLineOrderAsRcl(string fileA, string fileB, string[] rosArgs, string expected)
    {
        using var tmp = new TempYamlFiles();
        var pathA = tmp.Write("a.yaml", fileA);
        var pathB = tmp.Write("b.yaml", fileB);
        var argv = new[] { "--ros-args" }.Concat(rosArgs.Select(a => a == "A" ? pathA : a == "B" ? pathB : a)).ToArray();
        var values = ParameterResolver.Load(RosArguments.Parse(argv)).Resolve("/my_node");
        Assert.Equal(expected, string.Join(",", values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Fact]
    public void Load_MalformedFile_ThrowsWithPathAndLine()
    {
        using var tmp = new TempYamlFiles();
        var good = tmp.Write("good.yaml", "/**:\n  ros__parameters:\n    a: 1\n");
        var bad = tmp.Write("bad.yaml", "/**:\n  ros__parameters:\n    a: [1, x]\n");
        var ex = Assert.Throws<ParameterFileException>(() => ParameterResolver.Load(RosArguments.Parse(["--ros-args", "--params-file", good, "--params-file", bad])));
        Assert.Equal(bad, ex.Source);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Load_MissingFile_ThrowsParameterFileException()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cvm_missing_" + Guid.NewGuid().ToString("N") + ".yaml");
        var ex = Assert.Throws<ParameterFileException>(() => ParameterResolver.Load(RosArguments.Parse(["--ros-args", "--params-file", missing])));
        Assert.Equal(missing, ex.Source);
    }

    [Fact]
    public void Resolve_ManyDoubleWildcards_StaysFastOnLongNames()
    {
        var key = string.Concat(Enumerable.Repeat("/**", 30)) + "/x";
        var file = ParameterFile.Parse($"'{key}':\n  ros__parameters:\n    p: 1\n", "w.yaml");
        var resolver = ParameterResolver.FromFiles([file]);
        var longName = string.Concat(Enumerable.Repeat("/abcdefgh", 25)) + "/y";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(resolver.Resolve(longName));
        Assert.Single(resolver.Resolve(string.Concat(Enumerable.Repeat("/abcdefgh", 25)) + "/x"));
        // Backtracking over 30 wildcards would take astronomically long; linear matching takes milliseconds. The bound
        // only separates the two, with room for a loaded CI machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("my_node")]
    [InlineData("/ns/")]
    [InlineData("/ns//n")]
    [InlineData("/9n")]
    public void Resolve_InvalidNodeName_ThrowsRosNameException(string nodeFqn)
    {
        var resolver = ParameterResolver.FromFiles([]);
        Assert.Throws<RosNameException>(() => resolver.Resolve(nodeFqn));
    }
}
