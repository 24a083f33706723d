using CvM.Inference.Internal;
using Microsoft.ML.OnnxRuntime;

namespace CvM.Inference;

/// <summary>
/// Creates ONNX Runtime sessions on the requested device: CUDA is tried by appending its provider and building the
/// session inside try/catch (DESIGN §5: <c>GetAvailableProviders()</c> lists CUDA even where it cannot load, so it is
/// never used to detect a GPU); on failure <see cref="InferenceDevice.Auto"/> builds a CPU session and records why,
/// <see cref="InferenceDevice.Cuda"/> throws <see cref="CudaUnavailableException"/>. The CUDA attempt is made once per
/// process and device: a failure is remembered and later sessions fall back (or throw) at once with the same reason,
/// and ONNX Runtime's own error log of the failed attempt is silenced (the reason is in <see cref="ProviderSelection"/>).
/// Ownership: the caller owns (and disposes) the returned session.
/// </summary>
public static class OrtSessionFactory
{
    /// <summary>Opens <paramref name="modelPath"/>; <paramref name="selection"/> says which provider runs it and why.</summary>
    public static InferenceSession Create(string modelPath, InferenceOptions options, out ProviderSelection selection) =>
        Create(modelPath, options, CudaProbe.Shared, null, out selection);

    /// <summary>
    /// <see cref="Create(string, InferenceOptions, out ProviderSelection)"/> with <paramref name="configure"/> applied
    /// to the session options after the node's own (the benchmark turns the profiler on with it).
    /// </summary>
    internal static InferenceSession Create(string modelPath, InferenceOptions options, Action<SessionOptions>? configure, out ProviderSelection selection) =>
        Create(modelPath, options, CudaProbe.Shared, configure, out selection);

    /// <summary><see cref="Create(string, InferenceOptions, out ProviderSelection)"/> with a given probe (tests use their own).</summary>
    internal static InferenceSession Create(string modelPath, InferenceOptions options, CudaProbe probe, out ProviderSelection selection) =>
        Create(modelPath, options, probe, null, out selection);

    private static InferenceSession Create(string modelPath, InferenceOptions options, CudaProbe probe, Action<SessionOptions>? configure, out ProviderSelection selection)
    {
        options.Validate();
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"model file not found: {modelPath}", modelPath);
        if (options.Device != InferenceDevice.Cpu)
        {
            var session = probe.TryCreate(modelPath, options, () => BaseOptions(options, configure), out var reason, out var error);
            if (session is not null)
            {
                selection = new ProviderSelection(ExecutionProvider.Cuda, options.Device, null);
                return session;
            }
            if (options.Device == InferenceDevice.Cuda) throw new CudaUnavailableException(modelPath, reason, error);
            selection = new ProviderSelection(ExecutionProvider.Cpu, options.Device, "CUDA execution provider unavailable: " + reason);
        }
        else
        {
            selection = new ProviderSelection(ExecutionProvider.Cpu, options.Device, null);
        }
        using var cpuOptions = BaseOptions(options, configure);
        return new InferenceSession(modelPath, cpuOptions);
    }

    private static SessionOptions BaseOptions(InferenceOptions options, Action<SessionOptions>? configure)
    {
        var o = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (!options.SpinWait)
        {
            // ONNX Runtime's default is to spin; only the opposite needs saying.
            o.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            o.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        }
        configure?.Invoke(o);
        return o;
    }
}
