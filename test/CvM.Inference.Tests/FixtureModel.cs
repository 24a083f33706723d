using System.Security.Cryptography;
using System.Text.Json;
using CvM.Inference;
using Google.Protobuf;
using Onnx;

namespace CvM.Inference.Tests;

/// <summary>
/// TEST FIXTURE, not a trained network: tiny ONNX graphs with the CvM I/O contract whose outputs are known
/// functions of the inputs, so every stage around ONNX Runtime can be checked against exact values:
/// <list type="bullet">
/// <item>depth = dmin + (dmax - dmin) * 2 * (grey(image_ref) - 0.25), grey = mean over R, G, B of the model input
///   (so grey outside [0.25, 0.75] gives depth outside the range, which post-processing must turn into NaN);</item>
/// <item>semantic_logits[c] = -|grey(image_src1) * (C - 1) - c| (argmax = round(grey_src1 * (C - 1)));</item>
/// <item>normals = translation column of T_src1_ref + (0, 0, 1), the same at every pixel.</item>
/// </list>
/// K, invK, T_src2_ref and image_src2 enter multiplied by zero. The split variant computes the same functions
/// through a feature graph (f4 = image, f8 = invK, f16 = m8 = grey) and a multi-view graph.
/// </summary>
internal static class FixtureModel
{
    public const float DepthMin = 0.5f;
    public const float DepthMax = 8f;

    /// <summary>Writes the whole-graph fixture and its manifest into <paramref name="dir"/>; returns the manifest path.</summary>
    public static string WriteFull(string dir, int width, int height, int classes, int? manifestWidth = null)
    {
        Directory.CreateDirectory(dir);
        var b = new Builder();
        var imgRef = b.Input("image_ref", 1, 3, height, width);
        var imgSrc1 = b.Input("image_src1", 1, 3, height, width);
        var imgSrc2 = b.Input("image_src2", 1, 3, height, width);
        var k = b.Input("K", 1, 3, 3);
        var invK = b.Input("invK", 1, 3, 3);
        var t1 = b.Input("T_src1_ref", 1, 4, 4);
        var t2 = b.Input("T_src2_ref", 1, 4, 4);
        var range = b.Input("depth_range", 1, 2);
        var zero = b.ZeroOf(k, invK, t2, imgSrc2);
        Heads(b, b.Grey(imgRef), b.Grey(imgSrc1), t1, range, zero, width, height, classes);
        var onnx = b.Bytes();
        var file = Path.Combine(dir, "fixture.onnx");
        File.WriteAllBytes(file, onnx);
        var mw = manifestWidth ?? width;
        var manifest = Manifest("fixture.onnx", Sha(onnx), mw, height, classes,
            ModelContract.FullInputs.Select(n => Tensor(n, ModelContract.ExpectedShape(n, height, mw, classes)!)).ToArray(),
            ModelContract.Outputs.Select(n => Tensor(n, ModelContract.ExpectedShape(n, height, mw, classes)!)).ToArray(), null);
        return WriteManifest(dir, "fixture.json", manifest);
    }

    /// <summary>Writes the split fixture (features + multi-view graphs) and its manifest; returns the manifest path.</summary>
    public static string WriteSplit(string dir, int width, int height, int classes)
    {
        Directory.CreateDirectory(dir);
        long[] f4 = [1, 3, height, width], f8 = [1, 3, 3], f16 = [1, 1, height, width], m8 = [1, 1, height, width];
        var fb = new Builder();
        var image = fb.Input("image", 1, 3, height, width);
        var fInvK = fb.Input("invK", 1, 3, 3);
        fb.Output(fb.Op("Identity", image), "f4", f4);
        fb.Output(fb.Op("Identity", fInvK), "f8", f8);
        var grey = fb.Grey(image);
        fb.Output(fb.Op("Identity", grey), "f16", f16);
        fb.Output(fb.Op("Identity", grey), "m8", m8);
        var featBytes = fb.Bytes();

        var mb = new Builder();
        var rf4 = mb.Input("ref_f4", f4);
        var rf8 = mb.Input("ref_f8", f8);
        var rf16 = mb.Input("ref_f16", f16);
        var rm8 = mb.Input("ref_m8", m8);
        var s1 = mb.Input("src1_m8", m8);
        var s2 = mb.Input("src2_m8", m8);
        var k = mb.Input("K", 1, 3, 3);
        var invK = mb.Input("invK", 1, 3, 3);
        var t1 = mb.Input("T_src1_ref", 1, 4, 4);
        var t2 = mb.Input("T_src2_ref", 1, 4, 4);
        var range = mb.Input("depth_range", 1, 2);
        var zero = mb.ZeroOf(rf8, rf16, rm8, s2, k, invK, t2);
        Heads(mb, mb.Grey(rf4), s1, t1, range, zero, width, height, classes);
        var mvBytes = mb.Bytes();
        File.WriteAllBytes(Path.Combine(dir, "fixture.features.onnx"), featBytes);
        File.WriteAllBytes(Path.Combine(dir, "fixture.multiview.onnx"), mvBytes);
        ManifestTensor[] outputs = ModelContract.Outputs.Select(n => Tensor(n, ModelContract.ExpectedShape(n, height, width, classes)!)).ToArray();
        var split = new ManifestSplit
        {
            Features = new ManifestGraph
            {
                Model = "fixture.features.onnx",
                Sha256 = Sha(featBytes),
                Inputs = [Tensor("image", [1, 3, height, width]), Tensor("invK", [1, 3, 3])],
                Outputs = [Tensor("f4", f4), Tensor("f8", f8), Tensor("f16", f16), Tensor("m8", m8)],
            },
            MultiView = new ManifestGraph
            {
                Model = "fixture.multiview.onnx",
                Sha256 = Sha(mvBytes),
                Inputs =
                [
                    Tensor("ref_f4", f4), Tensor("ref_f8", f8), Tensor("ref_f16", f16), Tensor("ref_m8", m8), Tensor("src1_m8", m8),
                    Tensor("src2_m8", m8), Tensor("K", [1, 3, 3]), Tensor("invK", [1, 3, 3]), Tensor("T_src1_ref", [1, 4, 4]),
                    Tensor("T_src2_ref", [1, 4, 4]), Tensor("depth_range", [1, 2]),
                ],
                Outputs = outputs,
            },
        };
        // The whole-graph entry names the multi-view file: the node only opens the split graphs when Split is set.
        var manifest = Manifest("fixture.multiview.onnx", Sha(mvBytes), width, height, classes,
            ModelContract.FullInputs.Select(n => Tensor(n, ModelContract.ExpectedShape(n, height, width, classes)!)).ToArray(), outputs, split);
        return WriteManifest(dir, "fixture_split.json", manifest);
    }

    /// <summary>The class colours the fixture manifests use: (17 c, 255 - 13 c, 7 c).</summary>
    public static byte[] Colour(int c) => [(byte)(17 * c), (byte)(255 - 13 * c), (byte)(7 * c)];

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static ManifestTensor Tensor(string name, long[] shape) => new() { Name = name, Shape = shape, Dtype = "float32" };

    public static string WriteManifest(string dir, string name, ModelManifest manifest)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, ModelManifest.Json));
        return path;
    }

    private static ModelManifest Manifest(string model, string sha, int w, int h, int classes, ManifestTensor[] inputs, ManifestTensor[] outputs, ManifestSplit? split) => new()
    {
        Model = model,
        Sha256 = sha,
        Opset = 17,
        Inputs = inputs,
        Outputs = outputs,
        Normalisation = "RGB in [0,1] (divide 8-bit values by 255)",
        InputWidth = w,
        InputHeight = h,
        DepthMin = DepthMin,
        DepthMax = DepthMax,
        Planes = 1,
        Classes = Enumerable.Range(0, classes).Select(c => new ManifestClass { Id = c, Name = "class" + c, Rgb = Colour(c) }).ToArray(),
        Split = split,
    };

    private static void Heads(Builder b, string greyRef, string greySrc1, string t1, string range, string zero, int w, int h, int classes)
    {
        var dmin = b.Reshape(b.Op("Slice", range, b.Longs(0), b.Longs(1), b.Longs(1)), 1, 1, 1, 1);
        var dmax = b.Reshape(b.Op("Slice", range, b.Longs(1), b.Longs(2), b.Longs(1)), 1, 1, 1, 1);
        var span = b.Op("Sub", dmax, dmin);
        var g = b.Op("Mul", b.Op("Sub", greyRef, b.Const(0.25f)), b.Const(2f));
        var depth = b.Op("Add", b.Op("Add", dmin, b.Op("Mul", span, g)), zero);
        b.Output(depth, "depth", 1, 1, h, w);
        var ids = b.Floats(Enumerable.Range(0, classes).Select(c => (float)c).ToArray(), 1, classes, 1, 1);
        var scaled = b.Op("Mul", greySrc1, b.Const(classes - 1));
        b.Output(b.Op("Neg", b.Op("Abs", b.Op("Sub", scaled, ids))), "semantic_logits", 1, classes, h, w);
        var t = b.Op("Slice", t1, b.Longs(0, 3), b.Longs(3, 4), b.Longs(1, 2));
        var n = b.Op("Add", b.Reshape(t, 1, 3, 1, 1), b.Floats([0, 0, 1], 1, 3, 1, 1));
        b.Output(b.Op("Expand", n, b.Longs(1, 3, h, w)), "normals", 1, 3, h, w);
    }

    private sealed class Builder
    {
        private readonly GraphProto _g = new() { Name = "fixture" };
        private int _id;

        public string Input(string name, params long[] dims)
        {
            _g.Input.Add(ValueInfo(name, dims));
            return name;
        }

        public void Output(string value, string name, params long[] dims)
        {
            var node = new NodeProto { OpType = "Identity", Name = "out_" + name };
            node.Input.Add(value);
            node.Output.Add(name);
            _g.Node.Add(node);
            _g.Output.Add(ValueInfo(name, dims));
        }

        public string Op(string type, params string[] inputs)
        {
            var name = $"{type}_{_id++}";
            var node = new NodeProto { OpType = type, Name = name };
            node.Input.AddRange(inputs);
            node.Output.Add(name);
            _g.Node.Add(node);
            return name;
        }

        /// <summary>Mean over the channel axis: [1,C,H,W] to [1,1,H,W].</summary>
        public string Grey(string image)
        {
            var name = Op("ReduceMean", image);
            _g.Node[^1].Attribute.Add(new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1 } });
            _g.Node[^1].Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            return name;
        }

        /// <summary>0 * (sum of all elements of each input), a [] scalar: keeps inputs used without changing outputs.</summary>
        public string ZeroOf(params string[] inputs)
        {
            string? acc = null;
            foreach (var i in inputs)
            {
                var s = Op("ReduceSum", i);
                _g.Node[^1].Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
                acc = acc is null ? s : Op("Add", acc, s);
            }
            return Op("Mul", acc!, Const(0f));
        }

        public string Reshape(string x, params long[] shape) => Op("Reshape", x, Longs(shape));

        public string Const(float v) => Floats([v]);

        public string Floats(float[] data, params long[] dims)
        {
            var name = $"c{_id++}";
            var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
            t.Dims.AddRange(dims);
            t.FloatData.AddRange(data);
            _g.Initializer.Add(t);
            return name;
        }

        public string Longs(params long[] data)
        {
            var name = $"l{_id++}";
            var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
            t.Dims.Add(data.Length);
            t.Int64Data.AddRange(data);
            _g.Initializer.Add(t);
            return name;
        }

        public byte[] Bytes()
        {
            var model = new ModelProto { IrVersion = 8, ProducerName = "CvM.Inference.Tests fixture", Graph = _g };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
            return model.ToByteArray();
        }

        private static ValueInfoProto ValueInfo(string name, long[] dims)
        {
            var shape = new TensorShapeProto();
            foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
            return new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
            };
        }
    }
}
