using CvM.Ros.Parameters;

namespace CvM.Ros.Tests.Parameters;

public sealed class ParameterFileTests
{
    // The ROS 2 docs' demo_params.yaml ("Passing ROS arguments to nodes via the command-line").
    internal const string DemoParams = """
        parameter_blackboard:
            ros__parameters:
                some_int: 42
                a_string: "Hello world"
                some_lists:
                    some_integers: [1, 2, 3, 4]
                    some_doubles : [3.14, 2.718]
        """;

    // The docs' wildcard example (same page).
    internal const string WildcardParams = """
        /**:
          ros__parameters:
            wildcard_full: "Full wildcard for any namespaces and any node names"

        /**/parameter_blackboard:
          ros__parameters:
            wildcard_namespace: "Wildcard for a specific node name under any namespace"

        /*:
          ros__parameters:
            wildcard_nodename_root_namespace: "Wildcard for any node names, but only in root namespace"
        """;

    // `ros2 param dump /turtlesim` output ("Understanding parameters" tutorial).
    internal const string TurtlesimDump = """
        /turtlesim:
          ros__parameters:
            background_b: 255
            background_g: 86
            background_r: 69
            qos_overrides:
              /parameter_events:
                publisher:
                  depth: 1000
                  durability: volatile
                  history: keep_last
                  reliability: reliable
            use_sim_time: false
        """;

    // file text -> canonical dump of its sections ("key{name=Type:value,...}" joined by " ; ").
    public static TheoryData<string, string> Cases => new()
    {
        {
            DemoParams,
            "parameter_blackboard{some_int=Integer:42,a_string=String:\"Hello world\",some_lists.some_integers=IntegerArray:[1, 2, 3, 4],some_lists.some_doubles=DoubleArray:[3.14, 2.718]}"
        },
        {
            WildcardParams,
            "/**{wildcard_full=String:\"Full wildcard for any namespaces and any node names\"} ; "
            + "/**/parameter_blackboard{wildcard_namespace=String:\"Wildcard for a specific node name under any namespace\"} ; "
            + "/*{wildcard_nodename_root_namespace=String:\"Wildcard for any node names, but only in root namespace\"}"
        },
        {
            TurtlesimDump,
            "/turtlesim{background_b=Integer:255,background_g=Integer:86,background_r=Integer:69,"
            + "qos_overrides./parameter_events.publisher.depth=Integer:1000,qos_overrides./parameter_events.publisher.durability=String:\"volatile\","
            + "qos_overrides./parameter_events.publisher.history=String:\"keep_last\",qos_overrides./parameter_events.publisher.reliability=String:\"reliable\","
            + "use_sim_time=Bool:false}"
        },
        { "/ns/node:\n  ros__parameters:\n    a: 1\n", "/ns/node{a=Integer:1}" },
        { "ns1:\n  ns2:\n    my_node:\n      ros__parameters:\n        a: 1.5\n", "ns1/ns2/my_node{a=Double:1.5}" },
        { "/ns1/:\n  my_node:\n    ros__parameters:\n      a: x\n", "/ns1/my_node{a=String:\"x\"}" },
        { "/**/camera/*:\n  ros__parameters:\n    fps: 30\n", "/**/camera/*{fps=Integer:30}" },
        { "'*':\n  ros__parameters:\n    a: 1\n'**':\n  ros__parameters:\n    b: 2\n", "*{a=Integer:1} ; **{b=Integer:2}" },
        {
            // Block sequences, flow maps, quoted keys, and the same node twice (merged, later value wins).
            "node:\n  ros__parameters:\n    list:\n      - a\n      - b\n    m: {x: 1, y: [true, false]}\n    a: 1\nnode:\n  ros__parameters:\n    a: 2\n    z: ''\n",
            "node{list=StringArray:[\"a\", \"b\"],m.x=Integer:1,m.y=BoolArray:[true, false],a=Integer:2,z=String:\"\"}"
        },
        { "node:\n  ros__parameters:\n    v: !!str 10\n    w: |\n      12\n", "node{v=String:\"10\",w=String:\"12\n\"}" },
        { "node:\n  ros__parameters: {}\n", "node{}" },
        { "", "" },
        { "# only comments\n", "" },
        { "---\nn:\n  ros__parameters:\n    a: 1\n---\nn:\n  ros__parameters:\n    a: 3\n", "n{a=Integer:3}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_ValidFile_GivesSectionsWithTypedFlattenedParameters(string yaml, string expected)
    {
        var file = ParameterFile.Parse(yaml, "test.yaml");
        var dump = string.Join(" ; ", file.Entries.Select(e =>
            e.NodeKey + "{" + string.Join(",", e.Parameters.Select(p => $"{p.Key}={p.Value.Type}:{p.Value}")) + "}"));
        Assert.Equal(expected, dump);
        Assert.Equal("test.yaml", file.Source);
    }

    // file text -> line of the error and a fragment of the reason.
    public static TheoryData<string, int, string> ErrorCases => new()
    {
        { "node:\n  ros__parameters:\n    a: 1\n    b: [1, 2.0]\n", 4, "same type" },
        { "node:\n  ros__parameters:\n    a: 1\n    b:\n      - x\n      - 2\n", 6, "same type" },
        { "node:\n  ros__parameters:\n    empty: []\n", 3, "empty sequences" },
        { "node:\n  ros__parameters:\n    nested: [[1, 2]]\n", 3, "must be scalars" },
        { "node:\n  ros__parameters:\n    a:\n", 3, "no value" },
        { "node:\n  ros__parameters:\n    a: &x 1\n    b: *x\n", 4, "aliases are not supported" },
        { "node:\n  value: 5\n", 2, "cannot have a value before ros__parameters" },
        { "node:\n  list: [1]\n", 2, "sequences can only be parameter values" },
        { "ros__parameters:\n  a: 1\n", 1, "no node names before ros__parameters" },
        { "node:\n  ros__parameters: 5\n", 2, "must be a mapping of parameters" },
        { "node:\n  ros__parameters:\n", 2, "must be a mapping of parameters" },
        { "/ns//node:\n  ros__parameters:\n    a: 1\n", 2, "repeated forward slash" },
        { "1node:\n  ros__parameters:\n    a: 1\n", 2, "must not start with a number" },
        { "/ns/no-de:\n  ros__parameters:\n    a: 1\n", 2, "invalid node name" },
        { "/1ns/node:\n  ros__parameters:\n    a: 1\n", 2, "invalid node name" },
        { "node/:\n  ros__parameters:\n    a: 1\n", 2, "invalid node name" },
        { "- a\n- b\n", 1, "top level of a parameter file must be a mapping" },
        { "just text\n", 1, "top level of a parameter file must be a mapping" },
        { "node:\n  ros__parameters:\n    a: 1\n   b: 2\n", 4, "YAML syntax error" },
        { "node:\n  ros__parameters:\n    s: \"unterminated\n", 3, "YAML syntax error" },
        { "node:\n  ros__parameters:\n    ? [complex, key]\n    : 1\n", 3, "keys must be scalars" },
        { "node:\n  ros__parameters:\n    \"\": 1\n", 3, "no key" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Parse_MalformedFile_ThrowsWithFileAndLine(string yaml, int line, string reasonFragment)
    {
        var ex = Assert.Throws<ParameterFileException>(() => ParameterFile.Parse(yaml, "/cfg/bad.yaml"));
        Assert.Equal("/cfg/bad.yaml", ex.Source);
        Assert.Equal(line, ex.Line);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"/cfg/bad.yaml:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedMaps_ThrowsTypedErrorNotStackOverflow()
    {
        var sb = new System.Text.StringBuilder("n:\n  ros__parameters:\n    ");
        for (var i = 0; i < 5000; i++) sb.Append("{a").Append(i).Append(": ");
        sb.Append('1').Append('}', 5000);
        var ex = Assert.Throws<ParameterFileException>(() => ParameterFile.Parse(sb.ToString(), "deep.yaml"));
        Assert.Contains("nested deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsParameterFileExceptionNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "cvm_no_such_" + Guid.NewGuid().ToString("N") + ".yaml");
        var ex = Assert.Throws<ParameterFileException>(() => ParameterFile.Load(path));
        Assert.Equal(path, ex.Source);
        Assert.Contains("cannot read", ex.Message, StringComparison.Ordinal);
    }
}
