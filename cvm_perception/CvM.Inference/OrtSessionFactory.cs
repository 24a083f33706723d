using Microsoft.ML.OnnxRuntime;

namespace CvM.Inference;

/// <summary>
/// Creates ONNX Runtime sessions on the requested device: CUDA is tried by appending its provider and building the
/// session inside try/catch (DESIGN §5: <c>GetAvailableProviders()</c> lists CUDA even where it cannot load, so it is
/// never used to detect a GPU); on failure <see cref="InferenceDevice.Auto"/> builds a CPU session and records why,
/// <see cref="InferenceDevice.Cuda"/> throws <see cref="CudaUnavailableException"/>.
/// Ownership: the caller owns (and disposes) the returned session.
/// </summary>
public static class OrtSessionFactory
{
    /// <summary>Opens <paramref name="modelPath"/>; <paramref name="selection"/> says which provider runs it and why.</summary>
    public static InferenceSession Create(string modelPath, InferenceOptions options, out ProviderSelection selection)
    {
        options.Validate();
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"model file not found: {modelPath}", modelPath);
        if (options.Device != InferenceDevice.Cpu)
        {
            string reason;
            Exception? error;
            try
            {
                using var cudaOptions = BaseOptions(options);
                cudaOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                var session = new InferenceSession(modelPath, cudaOptions);
                selection = new ProviderSelection(ExecutionProvider.Cuda, options.Device, null);
                return session;
            }
            catch (OnnxRuntimeException e)
            {
                (reason, error) = (FirstLine(e.Message), e);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                (reason, error) = (e.GetType().Name + ": " + FirstLine(e.Message), e);
            }
            if (options.Device == InferenceDevice.Cuda) throw new CudaUnavailableException(modelPath, reason, error);
            selection = new ProviderSelection(ExecutionProvider.Cpu, options.Device, "CUDA execution provider unavailable: " + reason);
        }
        else
        {
            selection = new ProviderSelection(ExecutionProvider.Cpu, options.Device, null);
        }
        using var cpuOptions = BaseOptions(options);
        return new InferenceSession(modelPath, cpuOptions);
    }

    private static SessionOptions BaseOptions(InferenceOptions options) => new()
    {
        IntraOpNumThreads = options.IntraOpThreads,
        InterOpNumThreads = options.InterOpThreads,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n');
        return (i < 0 ? message : message[..i]).Trim();
    }
}
