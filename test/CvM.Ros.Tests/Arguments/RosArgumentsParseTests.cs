using CvM.Ros.Arguments;

namespace CvM.Ros.Tests.Arguments;

public sealed class RosArgumentsParseTests
{
    // argv (as Main receives it, i.e. what `ros2 run pkg exe ...` passes) -> canonical dump of the result.
    public static TheoryData<string[], string> ValidCases => new()
    {
        // ROS 2 docs, "Passing ROS arguments to nodes via the command-line".
        { ["--ros-args", "-r", "foo:=bar"], "remap=*:TopicOrService:foo->bar" },
        { ["--ros-args", "-r", "__node:=new_node_name"], "remap=*:NodeName:-->new_node_name" },
        { ["--ros-args", "-r", "__ns:=/demo"], "remap=*:Namespace:-->/demo" },
        {
            ["--ros-args", "-p", "some_int:=42", "-p", "a_string:=Hello world", "-p", "some_lists.some_integers:=[1, 2, 3, 4]", "-p", "some_lists.some_doubles:=[3.14, 2.718]"],
            "param=*:some_int=Integer:42 | param=*:a_string=String:\"Hello world\" | param=*:some_lists.some_integers=IntegerArray:[1, 2, 3, 4] | param=*:some_lists.some_doubles=DoubleArray:[3.14, 2.718]"
        },
        { ["--ros-args", "--params-file", "demo_params.yaml"], "file=demo_params.yaml" },
        { ["--ros-args", "--log-level", "debug"], "log=Debug" },
        { ["--ros-args", "--log-level", "talker1:=debug"], "logger=talker1:Debug" },
        {
            ["--ros-args", "-r", "__ns:=/demo", "-r", "__node:=my_talker", "-r", "chatter:=my_topic"],
            "remap=*:Namespace:-->/demo | remap=*:NodeName:-->my_talker | remap=*:TopicOrService:chatter->my_topic"
        },
        {
            ["--ros-args", "-r", "talker:__node:=my_talker", "-r", "listener:__node:=my_listener"],
            "remap=talker:NodeName:-->my_talker | remap=listener:NodeName:-->my_listener"
        },
        { ["--ros-args", "-r", "my_node:foo:=bar"], "remap=my_node:TopicOrService:foo->bar" },
        { ["--ros-args", "--enclave", "/foo/bar"], "enclave=/foo/bar" },
        // Design article "ROS command line arguments".
        { ["--ros-args", "--remap", "foo:=bar", "--param", "name:=value"], "remap=*:TopicOrService:foo->bar | param=*:name=String:\"value\"" },
        { ["--ros-args", "-p", "some_node:name:=value"], "param=some_node:name=String:\"value\"" },
        { ["--ros-args", "-e", "/foo/bar"], "enclave=/foo/bar" },
        { ["--ros-args", "--log-config-file", "log-config.file"], "logconfig=log-config.file" },
        { ["--ros-args", "--log-file-name", "my_log"], "logfile=my_log" },
        { ["--ros-args", "--disable-stdout-logs", "--disable-rosout-logs", "--disable-external-lib-logs"], "stdout=False | rosout=False | extlib=False" },
        { ["--ros-args", "--enable-stdout-logs", "--enable-rosout-logs", "--enable-external-lib-logs"], "stdout=True | rosout=True | extlib=True" },
        { ["--ros-args", "--disable-stdout-logs", "--enable-stdout-logs"], "stdout=True" },
        { ["--ros-args", "-r", "rostopic://foo:=bar", "-r", "rosservice://srv:=/x/srv"], "remap=*:Topic:foo->bar | remap=*:Service:srv->/x/srv" },
        { ["--ros-args", "-r", "talker:rostopic://chatter:=/news"], "remap=talker:Topic:chatter->/news" },
        { ["--ros-args", "-r", "~/depth:=/camera/depth"], "remap=*:TopicOrService:~/depth->/camera/depth" },
        { ["--ros-args", "-r", "/abs/name:=~/private"], "remap=*:TopicOrService:/abs/name->~/private" },
        { ["--ros-args", "-r", "__name:=renamed"], "remap=*:NodeName:-->renamed" },
        { ["--ros-args", "-r", "__ns:=/"], "remap=*:Namespace:-->/" },
        { ["--ros-args", "-r", "a_b/c1:=_x/y_"], "remap=*:TopicOrService:a_b/c1->_x/y_" },
        // Blocks, delimiters and program arguments.
        { ["--ros-args"], "" },
        { ["--ros-args", "--"], "" },
        { [], "" },
        { ["-v", "input.bag"], "prog=-v,input.bag" },
        { ["replay", "--ros-args", "-r", "a:=b", "--", "x.bag"], "prog=replay,x.bag | remap=*:TopicOrService:a->b" },
        {
            ["a", "--ros-args", "-r", "x:=y", "--", "b", "--ros-args", "-p", "p:=1"],
            "prog=a,b | remap=*:TopicOrService:x->y | param=*:p=Integer:1"
        },
        { ["--ros-args", "--ros-args", "-p", "n:=1", "--ros-args"], "param=*:n=Integer:1" },
        { ["a", "--", "b"], "prog=a,--,b" },
        { ["--ros-args", "--", "--", "--ros-args", "--"], "prog=--" },
        { ["--ros-args", "-p", "x:=a:=b"], "param=*:x=String:\"a:=b\"" },
        // Typed -p values (rcl_yaml_param_parser rules).
        { ["--ros-args", "-p", "b:=true", "-p", "c:=False", "-p", "d:=on", "-p", "e:=n"], "param=*:b=Bool:true | param=*:c=Bool:false | param=*:d=Bool:true | param=*:e=Bool:false" },
        { ["--ros-args", "-p", "q:='42'", "-p", "r:=\"true\"", "-p", "s:=!!str 7"], "param=*:q=String:\"42\" | param=*:r=String:\"true\" | param=*:s=String:\"7\"" },
        { ["--ros-args", "-p", "h:=0x1F", "-p", "o:=010", "-p", "n:=-12"], "param=*:h=Integer:31 | param=*:o=Integer:8 | param=*:n=Integer:-12" },
        { ["--ros-args", "-p", "f:=1e3", "-p", "g:=.5", "-p", "i:=-.inf"], "param=*:f=Double:1000.0 | param=*:g=Double:0.5 | param=*:i=Double:-.inf" },
        { ["--ros-args", "-p", "flags:=[true, false, yes]"], "param=*:flags=BoolArray:[true, false, true]" },
        { ["--ros-args", "-p", "names:=[left, 'right', \"3\"]"], "param=*:names=StringArray:[\"left\", \"right\", \"3\"]" },
        { ["--ros-args", "-p", "topics:=- /a\n- /b"], "param=*:topics=StringArray:[\"/a\", \"/b\"]" },
        // Log levels: case-insensitive, the last default wins, one entry per logger.
        { ["--ros-args", "--log-level", "WARN", "--log-level", "Error"], "log=Error" },
        { ["--ros-args", "--log-level", "rclcpp.node:=fatal", "--log-level", "a:=info", "--log-level", "rclcpp.node:=UNSET"], "logger=rclcpp.node:Unset | logger=a:Info" },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Parse_ValidArguments_GivesExpectedRecord(string[] argv, string expected)
    {
        var parsed = RosArguments.Parse(argv);
        Assert.Equal(expected, ArgumentsDump.Of(parsed));
    }

    // argv -> offending token, its position, a fragment of the reason.
    public static TheoryData<string[], string, int, string> ErrorCases => new()
    {
        { ["--ros-args", "--unknown"], "--unknown", 1, "unknown ROS argument" },
        { ["prog_arg", "--ros-args", "-r", "a:=b", "prog_arg2"], "prog_arg2", 4, "unknown ROS argument" },
        { ["--ros-args", "foo:=bar"], "foo:=bar", 1, "unknown ROS argument" },
        { ["--ros-args", "__node:=x"], "__node:=x", 1, "unknown ROS argument" },
        { ["--ros-args", "-r"], "-r", 1, "trailing -r" },
        { ["--ros-args", "--remap"], "--remap", 1, "trailing --remap" },
        { ["--ros-args", "-p"], "-p", 1, "trailing -p" },
        { ["--ros-args", "--params-file"], "--params-file", 1, "trailing --params-file" },
        { ["--ros-args", "--log-level"], "--log-level", 1, "trailing --log-level" },
        { ["--ros-args", "-e"], "-e", 1, "trailing -e" },
        { ["--ros-args", "--log-config-file"], "--log-config-file", 1, "trailing" },
        { ["--ros-args", "-r", "foo"], "foo", 2, "from:=to" },
        { ["--ros-args", "-r", "foo:="], "foo:=", 2, "empty replacement" },
        { ["--ros-args", "-r", ":=bar"], ":=bar", 2, "invalid match side" },
        { ["--ros-args", "-r", "foo:=bar baz"], "foo:=bar baz", 2, "invalid replacement side" },
        { ["--ros-args", "-r", "1foo:=bar"], "1foo:=bar", 2, "invalid match side" },
        { ["--ros-args", "-r", "foo/:=bar"], "foo/:=bar", 2, "invalid match side" },
        { ["--ros-args", "-r", "a//b:=c"], "a//b:=c", 2, "invalid match side" },
        { ["--ros-args", "-r", "a__b:=c"], "a__b:=c", 2, "invalid match side" },
        { ["--ros-args", "-r", "*:=bar"], "*:=bar", 2, "wildcards" },
        { ["--ros-args", "-r", "/foo/**:=bar"], "/foo/**:=bar", 2, "wildcards" },
        { ["--ros-args", "-r", "foo:=\\1"], "foo:=\\1", 2, "backreferences" },
        { ["--ros-args", "-r", "foo:=~bar"], "foo:=~bar", 2, "invalid replacement side" },
        { ["--ros-args", "-r", "__ns:=demo"], "__ns:=demo", 2, "fully qualified namespace" },
        { ["--ros-args", "-r", "__ns:=/demo/"], "__ns:=/demo/", 2, "fully qualified namespace" },
        { ["--ros-args", "-r", "__ns:=/1demo"], "__ns:=/1demo", 2, "fully qualified namespace" },
        { ["--ros-args", "-r", "__node:=/bad"], "__node:=/bad", 2, "invalid name" },
        { ["--ros-args", "-r", "__node:=9lives"], "__node:=9lives", 2, "invalid name" },
        { ["--ros-args", "-p", "noval"], "noval", 2, "name:=value" },
        { ["--ros-args", "-p", "x:="], "x:=", 2, "no value" },
        { ["--ros-args", "-p", ":=1"], ":=1", 2, "empty parameter name" },
        { ["--ros-args", "-p", "a..b:=1"], "a..b:=1", 2, "invalid parameter name" },
        { ["--ros-args", "-p", "a/b:=1"], "a/b:=1", 2, "invalid parameter name" },
        { ["--ros-args", "-p", "l:=[1, 2.5]"], "l:=[1, 2.5]", 2, "same type" },
        { ["--ros-args", "-p", "l:=[]"], "l:=[]", 2, "empty sequences" },
        { ["--ros-args", "-p", "m:={a: 1}"], "m:={a: 1}", 2, "mapping" },
        { ["--ros-args", "-p", "m:=[[1], [2]]"], "m:=[[1], [2]]", 2, "must be scalars" },
        { ["--ros-args", "-p", "y:=[1, 2"], "y:=[1, 2", 2, "YAML syntax error" },
        { ["--ros-args", "--params-file", ""], "", 2, "empty params file" },
        { ["--ros-args", "--log-level", "verbose"], "verbose", 2, "not a severity" },
        { ["--ros-args", "--log-level", "talker:=loud"], "talker:=loud", 2, "not a severity" },
        { ["--ros-args", "--log-level", ":=debug"], ":=debug", 2, "empty logger name" },
        { ["--ros-args", "--log-level", "my-logger:=debug"], "my-logger:=debug", 2, "holds '-'" },
        { ["--ros-args", "--enclave", "relative"], "relative", 2, "invalid enclave" },
        { ["--ros-args", "-p", "ok:=1", "-x"], "-x", 3, "unknown ROS argument" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Parse_InvalidArguments_ThrowsTypedErrorNamingTokenAndPosition(string[] argv, string token, int position, string reasonFragment)
    {
        var ex = Assert.Throws<RosArgumentException>(() => RosArguments.Parse(argv));
        Assert.Equal(token, ex.Token);
        Assert.Equal(position, ex.Position);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NodeAndNamespaceRules_ExposeOverridesAndTargetedRemaps()
    {
        var a = RosArguments.Parse(["--ros-args", "-r", "talker:__node:=my_talker", "-r", "__node:=fallback", "-r", "listener:__ns:=/l", "-r", "__ns:=/all", "-r", "__ns:=/ignored"]);
        Assert.Equal("fallback", a.NodeNameOverride);
        Assert.Equal("/all", a.NamespaceOverride);
        Assert.Equal("my_talker", a.RemapNodeName("talker"));
        Assert.Equal("fallback", a.RemapNodeName("listener"));
        Assert.Equal("/l", a.RemapNamespace("listener", "/"));
        Assert.Equal("/all", a.RemapNamespace("talker", "/"));
        var none = RosArguments.Parse(["--ros-args", "-r", "a:=b"]);
        Assert.Null(none.NodeNameOverride);
        Assert.Equal("orig", none.RemapNodeName("orig"));
        Assert.Equal("/x", none.RemapNamespace("orig", "/x"));
    }

    [Fact]
    public void Parse_ParamsFilesAndOverrides_KeepArgvPositions()
    {
        var a = RosArguments.Parse(["--ros-args", "--params-file", "a.yaml", "-p", "x:=1", "--params-file", "b.yaml"]);
        Assert.Equal([2, 6], a.ParamsFiles.Select(f => f.ArgumentIndex));
        Assert.Equal(4, Assert.Single(a.ParameterOverrides).ArgumentIndex);
    }
}
