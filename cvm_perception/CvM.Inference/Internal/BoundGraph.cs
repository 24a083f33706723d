using Microsoft.ML.OnnxRuntime;

namespace CvM.Inference.Internal;

/// <summary>
/// One ONNX Runtime session with every input and output bound once (IOBinding) to a pinned float array of the
/// manifest's shape, so a run is a copy into the input arrays, <see cref="Run"/>, and a read of the output arrays,
/// with no allocation. Owns the session, the binding, the run options and the OrtValues.
/// </summary>
internal sealed class BoundGraph : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly Dictionary<string, (float[] Data, OrtValue Value)> _tensors = new(StringComparer.Ordinal);

    public BoundGraph(InferenceSession session, ManifestTensor[] inputs, ManifestTensor[] outputs)
    {
        _session = session;
        _binding = session.CreateIoBinding();
        foreach (var t in inputs) _binding.BindInput(t.Name, Add(t));
        foreach (var t in outputs) _binding.BindOutput(t.Name, Add(t));
    }

    /// <summary>The pinned array bound to tensor <paramref name="name"/> (an input or output).</summary>
    public float[] this[string name] => _tensors[name].Data;

    /// <summary>Runs the session on the bound arrays; outputs land in their arrays.</summary>
    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        foreach (var (_, value) in _tensors.Values) value.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private OrtValue Add(ManifestTensor t)
    {
        var data = GC.AllocateArray<float>(checked((int)t.ElementCount), pinned: true);
        var value = OrtValue.CreateTensorValueFromMemory(data, (long[])t.Shape.Clone());
        _tensors.Add(t.Name, (data, value));
        return value;
    }
}
