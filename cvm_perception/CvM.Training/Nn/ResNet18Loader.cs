using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Loads the Conv/BatchNorm weights of the pretrained ResNet-18 (<c>ResNet18.onnx</c> of the NuGet package
/// Microsoft.ML.DnnImageFeaturizer.ResNet18, CNTK export, opset 8) into a <see cref="ResNetEncoder"/>. Convs are
/// matched in graph order (3x3/7x7 ones to the main path, 1x1 ones to the projections) and their shapes checked.
/// </summary>
public static class ResNet18Loader
{
    /// <summary>Fills <paramref name="encoder"/> from <paramref name="onnxPath"/>; throws on any shape mismatch.</summary>
    public static void Load(ResNetEncoder encoder, string onnxPath)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnxPath));
        var inits = model.Graph.Initializer.ToDictionary(t => t.Name);
        var producers = model.Graph.Node.Where(n => n.OpType == "BatchNormalization").ToDictionary(n => n.Input[0]);
        var convs = model.Graph.Node.Where(n => n.OpType == "Conv").ToList();
        var main = new Queue<NodeProto>(convs.Where(c => Dims(inits[c.Input[1]])[2] != 1));
        var proj = new Queue<NodeProto>(convs.Where(c => Dims(inits[c.Input[1]])[2] == 1));
        using var _ = no_grad();
        foreach (var target in encoder.MainConvs) Fill(target, main.Dequeue(), inits, producers);
        foreach (var target in encoder.ProjectionConvs) Fill(target, proj.Dequeue(), inits, producers);

        // The stem takes BGR in the CNTK model: store it for RGB input.
        var w = encoder.Stem.Conv.weight!;
        w.copy_(w.index_select(1, tensor(new long[] { 2, 1, 0 })));

        // Mean image (BGR, 0..255) of the companion preprocessing graph, reduced per channel, or ImageNet's means.
        var prep = Path.Combine(Path.GetDirectoryName(onnxPath)!, "ResNetPreprocess.onnx");
        if (File.Exists(prep))
        {
            var mean = ModelProto.Parser.ParseFrom(File.ReadAllBytes(prep)).Graph.Initializer.First(t => t.Name == "MeanImage");
            var m = Floats(mean);
            int plane = m.Length / 3;
            float Avg(int c) => (float)m.Skip(c * plane).Take(plane).Average();
            encoder.SetMean(Avg(2), Avg(1), Avg(0));
        }
    }

    private static void Fill(ConvBn target, NodeProto conv, Dictionary<string, TensorProto> inits, Dictionary<string, NodeProto> bnByInput)
    {
        var w = inits[conv.Input[1]];
        var shape = Dims(w);
        var expected = target.Conv.weight!.shape;
        if (!shape.SequenceEqual(expected))
            throw new InvalidDataException($"ResNet18 conv {conv.Name}: shape [{string.Join(",", shape)}] != [{string.Join(",", expected)}]");
        target.Conv.weight!.copy_(tensor(Floats(w)).reshape(shape));
        var bn = bnByInput[conv.Output[0]];
        var t = target.Bn ?? throw new InvalidDataException("target conv has no batch norm");
        t.weight!.copy_(tensor(Floats(inits[bn.Input[1]])));
        t.bias!.copy_(tensor(Floats(inits[bn.Input[2]])));
        t.running_mean!.copy_(tensor(Floats(inits[bn.Input[3]])));
        t.running_var!.copy_(tensor(Floats(inits[bn.Input[4]])));
    }

    private static long[] Dims(TensorProto t) => t.Dims.ToArray();

    private static float[] Floats(TensorProto t)
    {
        if (t.FloatData.Count > 0) return t.FloatData.ToArray();
        var bytes = t.RawData.ToByteArray();
        var f = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, f, 0, bytes.Length);
        return f;
    }
}
