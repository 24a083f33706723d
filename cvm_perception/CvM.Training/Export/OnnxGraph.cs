using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Export;

/// <summary>
/// Builds one ONNX graph (opset 17) node by node with OnnxSharp's protobuf classes. Modules of the network call it
/// from their <c>Export</c> methods; names are prefixed with the current scope (<c>enc/</c>, <c>cv/</c>, ...) so that
/// ONNX Runtime's profiler can attribute time per part. The builder owns the <see cref="GraphProto"/> it fills.
/// </summary>
public sealed class OnnxGraph
{
    /// <summary>Opset of every exported graph.</summary>
    public const int Opset = 17;

    private readonly GraphProto _graph = new() { Name = "cvm" };
    private readonly Stack<string> _scopes = new();
    private readonly Dictionary<string, int> _counters = new();

    /// <summary>The graph built so far.</summary>
    public GraphProto Graph => _graph;

    /// <summary>The current name prefix, e.g. <c>enc/layer1/</c>.</summary>
    public string Prefix => string.Concat(_scopes.Reverse().Select(s => s + "/"));

    /// <summary>Enters a name scope; dispose the result to leave it.</summary>
    public IDisposable Scope(string name)
    {
        _scopes.Push(name);
        return new ScopeExit(_scopes);
    }

    /// <summary>Declares a float graph input.</summary>
    public string Input(string name, params long[] dims)
    {
        _graph.Input.Add(ValueInfo(name, TensorProto.Types.DataType.Float, dims));
        return name;
    }

    /// <summary>Declares a float graph output produced by <paramref name="value"/> under the name <paramref name="name"/>.</summary>
    public string Output(string value, string name, params long[] dims)
    {
        if (value != name) Op("Identity", [value], name: name, outputName: name);
        _graph.Output.Add(ValueInfo(name, TensorProto.Types.DataType.Float, dims));
        return name;
    }

    /// <summary>Adds a float initializer (weights are copied out of <paramref name="t"/>).</summary>
    public string Weight(string name, Tensor t) => Floats(name, Values(t), t.shape);

    /// <summary>The values of <paramref name="t"/> as a new float32 array, row-major.</summary>
    internal static float[] Values(Tensor t)
    {
        using var _ = no_grad();
        // One local per intermediate: each stays referenced (and so alive) until its using ends, after the copy.
        using var detached = t.detach();
        using var asFloat = detached.to(ScalarType.Float32);
        using var cpu = asFloat.cpu();
        using var contiguous = cpu.contiguous();
        return contiguous.data<float>().ToArray();
    }

    /// <summary>Adds a float initializer from an array.</summary>
    public string Floats(string name, float[] data, params long[] dims)
    {
        var full = Unique(Prefix + name);
        var tp = new TensorProto { Name = full, DataType = (int)TensorProto.Types.DataType.Float };
        tp.Dims.AddRange(dims);
        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        tp.RawData = ByteString.CopyFrom(bytes);
        _graph.Initializer.Add(tp);
        return full;
    }

    /// <summary>Adds an int64 initializer (shapes, axes, slice bounds).</summary>
    public string Longs(string name, params long[] data)
    {
        var full = Unique(Prefix + name);
        var tp = new TensorProto { Name = full, DataType = (int)TensorProto.Types.DataType.Int64 };
        tp.Dims.Add(data.Length);
        tp.Int64Data.AddRange(data);
        _graph.Initializer.Add(tp);
        return full;
    }

    /// <summary>A scalar float constant.</summary>
    public string Scalar(string name, float value) => Floats(name, [value]);

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Op(string opType, string[] inputs, Action<NodeProto>? attrs = null, string? name = null, string? outputName = null)
        => Ops(opType, inputs, 1, attrs, name, outputName is null ? null : [outputName])[0];

    /// <summary>Adds a node with <paramref name="outputs"/> outputs and returns their names.</summary>
    public string[] Ops(string opType, string[] inputs, int outputs, Action<NodeProto>? attrs = null, string? name = null, string[]? outputNames = null)
    {
        var nodeName = Unique(Prefix + (name ?? opType));
        var node = new NodeProto { OpType = opType, Name = nodeName };
        node.Input.AddRange(inputs);
        var outs = outputNames ?? Enumerable.Range(0, outputs).Select(i => nodeName + ":" + i).ToArray();
        node.Output.AddRange(outs);
        attrs?.Invoke(node);
        _graph.Node.Add(node);
        return outs;
    }

    /// <summary>Reshape to a constant shape.</summary>
    public string Reshape(string x, params long[] shape) => Op("Reshape", [x, Longs("shape", shape)]);

    /// <summary>Transpose with a permutation.</summary>
    public string Transpose(string x, params long[] perm) => Op("Transpose", [x], n => n.Attribute.Add(Ints("perm", perm)));

    /// <summary>Slice along one axis.</summary>
    public string Slice(string x, long axis, long start, long end)
        => Op("Slice", [x, Longs("starts", start), Longs("ends", end), Longs("axes", axis)]);

    /// <summary>Bilinear resize (align_corners false, as torch's interpolate) to a fixed size.</summary>
    public string ResizeBilinear(string x, long n, long c, long h, long w)
        => Op("Resize", [x, "", "", Longs("sizes", n, c, h, w)], a =>
        {
            a.Attribute.Add(Str("mode", "linear"));
            a.Attribute.Add(Str("coordinate_transformation_mode", "half_pixel"));
        });

    /// <summary>An INTS attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>An INT attribute.</summary>
    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A FLOAT attribute.</summary>
    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A STRING attribute.</summary>
    public static AttributeProto Str(string name, string value)
        => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>Wraps the graph in a model (IR 8, opset 17) and serialises it.</summary>
    public byte[] ToModelBytes(string producer, IDictionary<string, string>? metadata = null)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = producer, ProducerVersion = "1", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        if (metadata is not null)
            foreach (var (k, v) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = k, Value = v });
        return model.ToByteArray();
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private string Unique(string name)
    {
        var n = _counters.TryGetValue(name, out var c) ? c : 0;
        _counters[name] = n + 1;
        return n == 0 ? name : name + "_" + n;
    }

    private sealed class ScopeExit(Stack<string> scopes) : IDisposable
    {
        public void Dispose() => scopes.Pop();
    }
}
