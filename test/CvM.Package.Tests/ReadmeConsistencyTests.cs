using System.Text;
using CvM.Messages.Definitions;
using CvM.Node.Conversion;
using CvM.Node.Parameters;
using CvM.Package.Tests.Support;
using CvM.Ros.Arguments;
using CvM.Ros.Parameters;
using CvM.TestSupport;

namespace CvM.Package.Tests;

/// <summary>
/// Acceptance 4: every topic and parameter in the README exists in the code, and every parameter in the code
/// (<see cref="NodeParameterTable"/>) is in the README and in config/cvm_perception.yaml.
/// </summary>
public sealed class ReadmeConsistencyTests
{
    private static readonly string NodeSourceFolder = Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Node");

    [Fact]
    public void ParametersTable_Readme_MatchesNodeParameterTableRowForRow()
    {
        var rows = ReadmePackageBlock.Load().Table("Parameters");
        var expected = NodeParameterTable.All.Select(d => (IReadOnlyList<string>)
            [d.Name, TypeName(d.Type), d.Default.ToString(), d.Range, d.Description]).ToList();
        var message = "README parameters table differs from NodeParameterTable; expected rows:\n" + Markdown(expected);
        Assert.True(expected.Count == rows.Count, message);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i].SequenceEqual(rows[i]), $"row {i + 1} ({expected[i][0]}): README [{string.Join(" | ", rows[i])}]\n{message}");
    }

    [Fact]
    public void ConfigYaml_EveryCodeParameter_SetAndNoOther()
    {
        var yaml = Path.Combine(RepoPaths.Root, "config", "cvm_perception.yaml");
        var values = ParameterResolver.Load(RosArguments.Parse(["--ros-args", "--params-file", yaml])).Resolve("/cvm_perception");
        var inYaml = values.Keys.Where(k => k != "use_sim_time").Order(StringComparer.Ordinal).ToList();
        var inCode = NodeParameterTable.All.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(inCode, inYaml);
        NodeParameterLoader.Load(values); // and every value passes the node's validation
    }

    [Fact]
    public void TopicsTable_EveryOutputTopicOfTheCode_ListedWithItsType()
    {
        var rows = ReadmePackageBlock.Load().Table("Topics");
        foreach (var t in OutputTopics.All)
        {
            var row = rows.FirstOrDefault(r => r[0] == OutputTopics.Name(t));
            Assert.True(row is not null, $"output topic {OutputTopics.Name(t)} is not in the README topics table");
            Assert.Equal(OutputTopics.RosType(t), row[1]);
        }
    }

    [Fact]
    public void TopicsTable_EveryReadmeTopic_ExistsInTheCode()
    {
        var rows = ReadmePackageBlock.Load().Table("Topics");
        Assert.NotEmpty(rows);
        var topicParameters = NodeParameterTable.All.Where(d => d.Name.EndsWith("_topic", StringComparison.Ordinal))
            .ToDictionary(d => d.Default.AsString(), d => d.Name);
        var outputs = OutputTopics.All.ToDictionary(OutputTopics.Name, OutputTopics.RosType);
        var nodeSource = string.Concat(Directory.EnumerateFiles(NodeSourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (var row in rows)
        {
            var (name, type) = (row[0], row[1]);
            Assert.True(MessageTypes.Contains(type), $"README topic {name}: type {type} is not a message type CvM.Messages defines");
            if (outputs.TryGetValue(name, out var outputType))
                Assert.Equal(outputType, type);
            else
                Assert.True(topicParameters.ContainsKey(name) || nodeSource.Contains('"' + name + '"', StringComparison.Ordinal),
                    $"README topic {name} is neither an output topic, nor the default of a *_topic parameter, nor a topic literal in CvM.Node");
        }
        foreach (var (name, parameter) in topicParameters)
            Assert.True(rows.Any(r => r[0] == name), $"input topic {name} (parameter {parameter}) is not in the README topics table");
    }

    [Fact]
    public void TopicsTable_QosColumn_StatesTheParameterDefaults()
    {
        var rows = ReadmePackageBlock.Load().Table("Topics");
        foreach (var row in rows)
        {
            var qos = row[3];
            var start = qos.IndexOf("qos.", StringComparison.Ordinal);
            if (start < 0) continue;
            var group = qos[start..].Split('.', 3)[1]; // qos.<group>.*
            var reliability = NodeParameterTable.Find($"qos.{group}.reliability");
            Assert.True(reliability is not null, $"{row[0]}: QoS column names qos.{group}.* but there is no qos.{group}.reliability parameter");
            Assert.Contains(reliability.Default.AsString().Replace('_', ' '), qos, StringComparison.Ordinal);
            var depth = NodeParameterTable.Find($"qos.{group}.depth");
            if (depth is not null)
                Assert.Contains("keep last " + depth.Default.AsInteger(), qos, StringComparison.Ordinal);
        }
    }

    private static readonly HashSet<string> MessageTypes = MessageDefinitions.RosTypes.ToHashSet(StringComparer.Ordinal);

    private static string TypeName(ParameterType t) => t switch
    {
        ParameterType.Bool => "bool",
        ParameterType.Integer => "integer",
        ParameterType.Double => "double",
        ParameterType.String => "string",
        ParameterType.DoubleArray => "double[]",
        ParameterType.IntegerArray => "integer[]",
        ParameterType.StringArray => "string[]",
        ParameterType.BoolArray => "bool[]",
        _ => t.ToString(),
    };

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Markdown(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder("| name | type | default | range | description |\n|---|---|---|---|---|\n");
        foreach (var r in rows) sb.Append("| `").Append(r[0]).Append("` | ").Append(r[1]).Append(" | `").Append(r[2]).Append("` | ")
            .Append(Escape(r[3])).Append(" | ").Append(Escape(r[4])).Append(" |\n");
        return sb.ToString();
    }
}
