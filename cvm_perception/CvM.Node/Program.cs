using CvM.Inference;
using CvM.Node.Cli;
using CvM.Node.Parameters;
using CvM.Ros.Arguments;
using CvM.Ros.Parameters;

namespace CvM.Node;

/// <summary>The <c>cvm_perception</c> executable: verbs <c>node</c> (live ROS 2 node), <c>replay</c>, <c>eval</c> and <c>bench</c>.</summary>
public static class Program
{
    private const string Usage = """
        usage: cvm_perception <verb> [options] [--ros-args ...]
          node     the live ROS 2 node (subscribes image, camera_info, odom, /tf, /tf_static; publishes depth,
                   semantics, normals and /diagnostics)
          replay   a bag (default: an embedded synthetic sequence) through the pipeline into an output bag,
                   PNG previews and a depth report
          eval     a bag through the pipeline: depth metrics multi-view against duplicated (--baseline: the
                   baseline report of the bag instead)
          bench    the model's ONNX Runtime latency on the provider the node would use, time per part, and
                   the nodes that ran off that provider (on CUDA: the CPU fallbacks)
        `cvm_perception <verb> --help` for each verb. ROS arguments (--ros-args -r __node:=x -r __ns:=/y
        -r image:=/cam/image --params-file f.yaml -p key:=value) work as under ros2 run / ros2 launch.
        """;

    /// <summary>Entry point; exit code 0 on success, 1 on a start-up or run-time error, 2 on a usage error.</summary>
    public static int Main(string[] args) => RunAsync(args, Console.Out, Console.Error).GetAwaiter().GetResult();

    /// <summary>Runs the command line with the given console writers.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var ros = RosArguments.Parse(args);
            var program = ros.ProgramArguments;
            if (program.Count == 0 || program[0] is "-h" or "--help" or "help")
            {
                (program.Count == 0 ? stderr : stdout).WriteLine(Usage);
                return program.Count == 0 ? 2 : 0;
            }
            var rest = program.Skip(1);
            switch (program[0])
            {
                case "node":
                {
                    var o = VerbOptions.Parse(rest, [], []);
                    if (o.Help)
                    {
                        stdout.WriteLine(NodeVerb.Help);
                        return 0;
                    }
                    return await NodeVerb.RunAsync(NodeSetup.From(ros), stdout).ConfigureAwait(false);
                }
                case "replay":
                {
                    var o = VerbOptions.Parse(rest, ReplayVerb.Valued, ReplayVerb.Flags);
                    if (o.Help)
                    {
                        stdout.WriteLine(ReplayVerb.Help);
                        return 0;
                    }
                    return await ReplayVerb.RunAsync(o, NodeSetup.From(ros), stdout).ConfigureAwait(false);
                }
                case "eval":
                {
                    var o = VerbOptions.Parse(rest, EvalVerb.Valued, EvalVerb.Flags);
                    if (o.Help)
                    {
                        stdout.WriteLine(EvalVerb.Help);
                        return 0;
                    }
                    return EvalVerb.Run(o, NodeSetup.From(ros), stdout);
                }
                case "bench":
                {
                    var o = VerbOptions.Parse(rest, BenchVerb.Valued, BenchVerb.Flags);
                    if (o.Help)
                    {
                        stdout.WriteLine(BenchVerb.Help);
                        return 0;
                    }
                    return BenchVerb.Run(o, NodeSetup.From(ros), stdout);
                }
                default:
                    throw new UsageException($"unknown verb '{program[0]}'");
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is RosArgumentException or ParameterFileException or NodeParameterException or ModelManifestException
            or CudaUnavailableException or CvM.Ros.Names.RosNameException or CvM.Bags.BagReadException or InvalidDataException
            or IOException or CvM.Ros.Dds.CycloneLibraryException or CvM.Ros.Dds.DdsException or CvM.Messages.Cdr.CdrException)
        {
            stderr.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (Exception e) when (NativeLoadFailure(e) is { } missing)
        {
            // A native library (OpenCV's OpenCvSharpExtern, ONNX Runtime, Cyclone DDS) or one of its dependencies is
            // missing: say which, instead of the runtime's stack trace through a type initialiser.
            stderr.WriteLine("error: a native library did not load: " + missing);
            return 1;
        }
    }

    /// <summary>
    /// The message of a native library that failed to load (a <see cref="DllNotFoundException"/>, possibly inside the
    /// <see cref="TypeInitializationException"/> of the type that loads it), reduced to its first line and the dynamic
    /// loader's lines (which name the missing dependency); null for any other exception.
    /// </summary>
    internal static string? NativeLoadFailure(Exception e)
    {
        while (e is TypeInitializationException { InnerException: { } inner }) e = inner;
        if (e is not DllNotFoundException) return null;
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var loader = lines.Skip(1).Where(l => l.Contains("cannot open shared object file", StringComparison.Ordinal)).Distinct().Take(3);
        // .NET's first line goes on to suggest strace and LD_DEBUG: keep its first sentence.
        var first = lines.Length == 0 ? e.GetType().Name : lines[0];
        var end = first.IndexOf(". ", StringComparison.Ordinal);
        return string.Join("; ", new[] { end < 0 ? first : first[..(end + 1)] }.Concat(loader));
    }
}
