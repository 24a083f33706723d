using System.Text.Json;
using CvM.TestSupport;

namespace CvM.Package.Tests.Support;

/// <summary>What a launch file starts, as evaluated by the launch/launch_ros stand-in (test/CvM.Package.Tests/peers/launch_standin).</summary>
/// <param name="ArgumentNames">Declared launch arguments, in order.</param>
/// <param name="ArgumentDescriptions">Their descriptions, by name.</param>
/// <param name="Nodes">One command per Node action.</param>
/// <param name="Warnings">launch_ros warnings (e.g. a params file that is not a file, then left out).</param>
/// <param name="Undeclared">Launch arguments given on the command line that the file does not declare.</param>
internal sealed record LaunchEvaluation(
    IReadOnlyList<string> ArgumentNames,
    IReadOnlyDictionary<string, string> ArgumentDescriptions,
    IReadOnlyList<LaunchNodeCommand> Nodes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Undeclared)
{
    public static string StandInFolder => Path.Combine(RepoPaths.Root, "test", "CvM.Package.Tests", "peers", "launch_standin");

    public static string LaunchFile(string name) => Path.Combine(RepoPaths.Root, "launch", name);

    /// <summary>
    /// Evaluates <paramref name="launchFile"/> with <c>find-pkg-share cvm_perception</c> = <paramref name="shareFolder"/>
    /// and the launch arguments <c>name:=value</c>; the temporary parameter files land in <paramref name="tempFolder"/>.
    /// </summary>
    public static LaunchEvaluation Evaluate(string launchFile, string shareFolder, string tempFolder, params string[] launchArguments) =>
        EvaluateInstalled(launchFile, shareFolder, null, tempFolder, launchArguments);

    /// <summary>As above; <paramref name="libFolder"/> (<c>lib/cvm_perception</c>) makes argv[0] the installed executable.</summary>
    public static LaunchEvaluation EvaluateInstalled(string launchFile, string shareFolder, string? libFolder, string tempFolder, params string[] launchArguments)
    {
        var args = new List<string> { launchFile, "--share", "cvm_perception=" + shareFolder, "--tmp", tempFolder };
        if (libFolder is not null) args.AddRange(["--lib", "cvm_perception=" + libFolder]);
        args.AddRange(launchArguments);
        var json = SystemPython.Run(Path.Combine(StandInFolder, "evaluate_launch.py"), args);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var names = new List<string>();
        var descriptions = new Dictionary<string, string>();
        foreach (var a in root.GetProperty("arguments").EnumerateArray())
        {
            var name = a.GetProperty("name").GetString()!;
            names.Add(name);
            descriptions[name] = a.GetProperty("description").GetString()!;
        }
        var nodes = root.GetProperty("nodes").EnumerateArray().Select(n => new LaunchNodeCommand(
            n.GetProperty("cmd").EnumerateArray().Select(e => e.GetString()!).ToList(),
            n.GetProperty("params_files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))).ToList();
        return new LaunchEvaluation(names, descriptions, nodes,
            root.GetProperty("warnings").EnumerateArray().Select(e => e.GetString()!).ToList(),
            root.GetProperty("undeclared").EnumerateArray().Select(e => e.GetString()!).ToList());
    }
}
