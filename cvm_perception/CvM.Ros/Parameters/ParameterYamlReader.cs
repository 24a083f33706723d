using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CvM.Ros.Parameters;

/// <summary>
/// Reads ROS 2 parameter YAML from YamlDotNet's event stream with <c>rcl_yaml_param_parser</c>'s rules:
/// top-level keys (and nested maps above <c>ros__parameters</c>, joined with <c>/</c>) name the node;
/// below <c>ros__parameters</c> nested maps are flattened with <c>.</c>; sequences must be non-empty,
/// of scalars of one type; aliases are refused. Errors carry source, line and column.
/// </summary>
internal sealed class ParameterYamlReader
{
    private const string ParamsKey = "ros__parameters";
    private const string StrTag = "tag:yaml.org,2002:str";
    private const int MaxDepth = 64;

    private readonly IParser _parser;
    private readonly string _source;
    private Mark _lastMark = Mark.Empty;

    private ParameterYamlReader(string text, string source)
    {
        _parser = new Parser(new StringReader(text));
        _source = source;
    }

    /// <summary>Parses a whole parameter file into <paramref name="table"/>.</summary>
    public static void ReadFile(string text, string source, ParameterTable table)
    {
        var reader = new ParameterYamlReader(text, source);
        reader.Guard(() => reader.ReadStream(table));
    }

    /// <summary>Parses a <c>-p</c> value (a scalar or a sequence of scalars) into a typed value.</summary>
    public static ParameterValue ReadValue(string text, string source)
    {
        var reader = new ParameterYamlReader(text, source);
        ParameterValue? value = null;
        reader.Guard(() => value = reader.ReadSingleValue());
        return value!;
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (YamlException ex)
        {
            throw new ParameterFileException(_source, (int)ex.Start.Line, (int)ex.Start.Column, "YAML syntax error: " + ex.Message, ex);
        }
    }

    private ParsingEvent Next()
    {
        bool moved;
        try
        {
            moved = _parser.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet 18 throws this (not YamlException) for some unclosed flow collections.
            throw new ParameterFileException(_source, (int)_lastMark.Line, (int)_lastMark.Column, "YAML syntax error: malformed or unclosed collection", ex);
        }
        if (!moved) throw Error(null, "unexpected end of YAML");
        _lastMark = _parser.Current!.Start;
        return _parser.Current;
    }

    private void ReadStream(ParameterTable table)
    {
        Expect<StreamStart>(Next());
        var e = Next();
        while (e is DocumentStart)
        {
            e = Next();
            if (e is MappingStart)
            {
                ReadNodeLevel(table, "", 1);
                e = Next();
            }
            else if (e is Scalar s && IsEmptyPlain(s))
            {
                e = Next();
            }
            else
            {
                throw Error(e, "the top level of a parameter file must be a mapping of node names");
            }
            Expect<DocumentEnd>(e);
            e = Next();
        }
        Expect<StreamEnd>(e);
    }

    // The current event is the MappingStart of a node-name level map; consumes through its MappingEnd.
    private void ReadNodeLevel(ParameterTable table, string nodeKey, int depth)
    {
        if (depth > MaxDepth) throw Error(_parser.Current, $"mappings nested deeper than {MaxDepth}");
        for (var e = Next(); e is not MappingEnd; e = Next())
        {
            var key = ReadKey(e);
            var value = Next();
            if (key.Value == ParamsKey)
            {
                if (nodeKey.Length == 0) throw Error(key, $"there are no node names before {ParamsKey}");
                var invalid = NodeKeyPattern.Validate(nodeKey);
                if (invalid is not null) throw Error(key, "invalid node name: " + invalid);
                if (value is not MappingStart) throw Error(value, $"{ParamsKey} of '{nodeKey}' must be a mapping of parameters");
                ReadParameters(table.Section(nodeKey), "", depth + 1);
                continue;
            }
            switch (value)
            {
                case MappingStart:
                    ReadNodeLevel(table, JoinNodeKey(nodeKey, key.Value), depth + 1);
                    break;
                case SequenceStart:
                    throw Error(value, $"sequences can only be parameter values, below {ParamsKey}");
                case AnchorAlias:
                    throw Error(value, "YAML aliases are not supported");
                default:
                    throw Error(value, $"cannot have a value before {ParamsKey} (key '{key.Value}')");
            }
        }
    }

    // The current event is the MappingStart of a parameter map; consumes through its MappingEnd.
    private void ReadParameters(Dictionary<string, ParameterValue> section, string prefix, int depth)
    {
        if (depth > MaxDepth) throw Error(_parser.Current, $"mappings nested deeper than {MaxDepth}");
        for (var e = Next(); e is not MappingEnd; e = Next())
        {
            var key = ReadKey(e);
            var name = prefix.Length == 0 ? key.Value : prefix + "." + key.Value;
            var value = Next();
            switch (value)
            {
                case MappingStart:
                    ReadParameters(section, name, depth + 1);
                    break;
                case SequenceStart:
                    section[name] = ReadSequence();
                    break;
                case Scalar s:
                    section[name] = TypeScalar(s);
                    break;
                case AnchorAlias:
                    throw Error(value, "YAML aliases are not supported");
                default:
                    throw Error(value, $"unexpected YAML event for parameter '{name}'");
            }
        }
    }

    private ParameterValue ReadSingleValue()
    {
        Expect<StreamStart>(Next());
        var e = Next();
        if (e is StreamEnd) throw Error(e, "no value");
        Expect<DocumentStart>(e);
        e = Next();
        var value = e switch
        {
            Scalar s => TypeScalar(s),
            SequenceStart => ReadSequence(),
            MappingStart => throw Error(e, "a parameter value cannot be a mapping"),
            AnchorAlias => throw Error(e, "YAML aliases are not supported"),
            _ => throw Error(e, "unexpected YAML event"),
        };
        Expect<DocumentEnd>(Next());
        e = Next();
        if (e is not StreamEnd) throw Error(e, "a parameter value must be a single YAML document");
        return value;
    }

    // The current event is a SequenceStart; consumes through its SequenceEnd.
    private ParameterValue ReadSequence()
    {
        var start = _parser.Current!;
        var items = new List<ParameterValue>();
        for (var e = Next(); e is not SequenceEnd; e = Next())
        {
            if (e is not Scalar s) throw Error(e, "sequence elements must be scalars (nested sequences and maps are not parameter values)");
            var item = TypeScalar(s);
            if (items.Count > 0 && items[0].Type != item.Type)
            {
                throw Error(e, $"sequence should be of same type: value '{s.Value}' is {TypeWord(item.Type)}, the sequence is {TypeWord(items[0].Type)}");
            }
            items.Add(item);
        }
        if (items.Count == 0) throw Error(start, "empty sequences are not supported (their type cannot be inferred)");
        return items[0].Type switch
        {
            ParameterType.Bool => ParameterValue.FromBoolArray(items.Select(v => v.AsBool()).ToArray()),
            ParameterType.Integer => ParameterValue.FromIntegerArray(items.Select(v => v.AsInteger()).ToArray()),
            ParameterType.Double => ParameterValue.FromDoubleArray(items.Select(v => v.AsDouble()).ToArray()),
            _ => ParameterValue.FromStringArray(items.Select(v => v.AsString())),
        };
    }

    private ParameterValue TypeScalar(Scalar s)
    {
        var quoted = s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (!quoted && s.Value.Length == 0) throw Error(s, "no value");
        var strTag = !s.Tag.IsEmpty && s.Tag.Value == StrTag;
        return YamlScalarTyper.Type(s.Value, quoted || strTag);
    }

    private Scalar ReadKey(ParsingEvent e)
    {
        if (e is not Scalar key) throw Error(e, "keys must be scalars");
        if (key.Value.Length == 0) throw Error(e, "no key");
        return key;
    }

    private static string JoinNodeKey(string nodeKey, string name) =>
        nodeKey.Length == 0 ? name : nodeKey.EndsWith('/') ? nodeKey + name : nodeKey + "/" + name;

    private static bool IsEmptyPlain(Scalar s) => s.Value.Length == 0 && s.Style is ScalarStyle.Plain or ScalarStyle.Any;

    private static string TypeWord(ParameterType t) => t switch
    {
        ParameterType.Bool => "bool",
        ParameterType.Integer => "integer",
        ParameterType.Double => "double",
        _ => "string",
    };

    private void Expect<T>(ParsingEvent e)
        where T : ParsingEvent
    {
        if (e is not T) throw Error(e, $"expected {typeof(T).Name}, found {e.GetType().Name}");
    }

    private ParameterFileException Error(ParsingEvent? at, string reason)
    {
        var mark = at?.Start ?? _parser.Current?.Start;
        return new ParameterFileException(_source, (int)(mark?.Line ?? 0), (int)(mark?.Column ?? 0), reason);
    }
}
