using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace CvM.Inference.Internal;

/// <summary>
/// Tries ONNX Runtime's CUDA execution provider and remembers a failure per CUDA device for the life of this object
/// (<see cref="Shared"/>: the process), so a node that opens several sessions probes once and gives every session the
/// same reason. While probing, ONNX Runtime's process-wide log level is raised to FATAL (and restored after): a failed
/// probe is an expected outcome on a machine without CUDA, reported through <see cref="ProviderSelection"/>, not the
/// red error line ONNX Runtime would print to stderr. The reason is ONNX Runtime's message plus, when the provider
/// library itself does not load, the dynamic loader's explanation (which library is missing), which ONNX Runtime only
/// logs. Thread-safe (probes are serialised). Owns nothing native beyond the duration of a call.
/// </summary>
internal sealed class CudaProbe
{
    private const string ProviderLibrary = "libonnxruntime_providers_cuda.so";
    private static readonly object EnvLogLock = new();
    private readonly object _lock = new();
    private readonly Dictionary<int, (string Reason, Exception Error)> _failures = [];

    /// <summary>The process-wide probe used by <see cref="OrtSessionFactory"/>.</summary>
    public static CudaProbe Shared { get; } = new();

    /// <summary>How many times this probe asked ONNX Runtime for the CUDA provider.</summary>
    public int Attempts { get; private set; }

    /// <summary>
    /// A session of <paramref name="modelPath"/> on CUDA device <paramref name="options"/>.CudaDeviceId, or null with
    /// <paramref name="reason"/> and <paramref name="error"/> (remembered: later calls for that device answer at once).
    /// </summary>
    public InferenceSession? TryCreate(string modelPath, InferenceOptions options, Func<SessionOptions> baseOptions, out string reason, out Exception? error)
    {
        lock (_lock)
        {
            if (_failures.TryGetValue(options.CudaDeviceId, out var known))
            {
                (reason, error) = known;
                return null;
            }
            Attempts++;
            var session = TryCreateQuietly(modelPath, options, baseOptions, out reason, out error);
            if (session is null) _failures[options.CudaDeviceId] = (reason, error!);
            return session;
        }
    }

    private static InferenceSession? TryCreateQuietly(string modelPath, InferenceOptions options, Func<SessionOptions> baseOptions, out string reason, out Exception? error)
    {
        lock (EnvLogLock)
        {
            var env = OrtEnv.Instance();
            var level = env.EnvLogLevel;
            env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                using var cudaOptions = baseOptions();
                cudaOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                (reason, error) = (string.Empty, null);
                return new InferenceSession(modelPath, cudaOptions);
            }
            catch (OnnxRuntimeException e)
            {
                (reason, error) = (FirstLine(e.Message) + LoaderDetail(), e);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                (reason, error) = (e.GetType().Name + ": " + FirstLine(e.Message), e);
            }
            finally
            {
                env.EnvLogLevel = level;
            }
            return null;
        }
    }

    /// <summary>The dynamic loader's message for the CUDA provider library next to ONNX Runtime's, or empty when it loads or is absent.</summary>
    private static string LoaderDetail()
    {
        foreach (var dir in new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") })
        {
            var path = Path.Combine(dir, ProviderLibrary);
            if (!File.Exists(path)) continue;
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
                return string.Empty;
            }
            catch (DllNotFoundException e)
            {
                // .NET's message ends with the loader's own line (dlerror), e.g. "libcublasLt.so.13: cannot open ...".
                var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return lines.Length == 0 ? string.Empty : $" ({ProviderLibrary}: {lines[^1]})";
            }
        }
        return string.Empty;
    }

    private static string FirstLine(string message)
    {
        var i = message.IndexOf('\n');
        return (i < 0 ? message : message[..i]).Trim();
    }
}
