using TorchSharp;
namespace CvM.Training;

/// <summary>Training tool entry point (train, export, evaluate verbs land here).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var t = torch.ones(2, 3);
        Console.WriteLine(t.sum().item<float>());
        var m = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "pretrained", args[0])));
        Console.WriteLine($"opset {string.Join(",", m.OpsetImport.Select(o => o.Domain + ":" + o.Version))} nodes {m.Graph.Node.Count}");
        foreach (var i in m.Graph.Input.Take(3)) Console.WriteLine("in " + i.Name + " " + i.Type);
        foreach (var o in m.Graph.Output) Console.WriteLine("out " + o.Name + " " + o.Type);
        var inits = m.Graph.Initializer.ToDictionary(x => x.Name, x => x);
        foreach (var n in m.Graph.Node.Take(400))
        {
            var shapes = string.Join(" ", n.Input.Select(i => inits.TryGetValue(i, out var t2) ? i + "[" + string.Join("x", t2.Dims) + "]" : i));
            Console.WriteLine($"{n.OpType} {n.Name}: {shapes} -> {string.Join(",", n.Output)} {string.Join(",", n.Attribute.Select(a => a.Name + "=" + (a.Ints.Count > 0 ? string.Join("/", a.Ints) : a.F.ToString())))}");
        }
        return 0;
    }
}
