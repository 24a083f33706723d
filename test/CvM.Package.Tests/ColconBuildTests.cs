using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using CvM.Node.Parameters;
using CvM.Package.Tests.Support;
using CvM.Ros.Dds;
using CvM.TestSupport;

namespace CvM.Package.Tests;

/// <summary>
/// Acceptance 1: <c>colcon build</c> of a workspace holding the repository succeeds and installs the executable,
/// launch, config and model files where <c>ros2 run</c> / <c>ros2 launch</c> look for them. One build per class
/// (about 2 minutes on 2 cores: dotnet publish); filter with <c>--filter Category=Colcon</c>.
/// </summary>
[Trait("Category", "Colcon")]
[SupportedOSPlatform("linux")]
[Collection(ColconCollection.Name)]
public sealed class ColconBuildTests(ColconWorkspace ws) : IClassFixture<ColconWorkspace>
{
    private const string Package = "cvm_perception";

    [Fact]
    public void ColconBuild_RepositoryWorkspace_Succeeds()
    {
        Assert.True(ws.Build.Result.ExitCode == 0, ws.Build.Describe());
        Assert.Contains("Finished <<< cvm_perception", ws.Build.Result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void ColconBuild_InstallTree_HoldsExecutableLaunchConfigAndModels()
    {
        Assert.True(ws.Build.Result.ExitCode == 0, ws.Build.Describe());
        var lib = Path.Combine(ws.Prefix, "lib", Package);
        var share = Path.Combine(ws.Prefix, "share", Package);
        string[] expected =
        [
            Path.Combine(lib, "cvm_perception"),
            Path.Combine(lib, "dotnet", "cvm_perception.dll"),
            Path.Combine(lib, "dotnet", "cvm_perception.runtimeconfig.json"),
            Path.Combine(lib, "dotnet", "cvm_perception.deps.json"),
            Path.Combine(share, "package.xml"),
            Path.Combine(share, "launch", "cvm_perception.launch.xml"),
            Path.Combine(share, "launch", "cvm_perception.launch.py"),
            Path.Combine(share, "config", "cvm_perception.yaml"),
            Path.Combine(ws.Prefix, "share", "ament_index", "resource_index", "packages", Package),
        ];
        foreach (var f in expected) Assert.True(File.Exists(f), "missing in the install tree: " + Path.GetRelativePath(ws.Prefix, f));
        Assert.True((File.GetUnixFileMode(expected[0]) & UnixFileMode.UserExecute) != 0, "the wrapper is not executable");

        // Every launch/config file and every model (.onnx + its .json manifest) of the source tree, byte for byte.
        var sourceFiles = new[] { "launch", "config" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d), "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "models"), "*.onnx"))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "models"), "*.json"))
            .ToList();
        Assert.Contains(sourceFiles, f => f.EndsWith(".onnx", StringComparison.Ordinal));
        foreach (var src in sourceFiles)
        {
            var installed = Path.Combine(share, Path.GetRelativePath(RepoPaths.Root, src));
            Assert.True(File.Exists(installed), "not installed: " + Path.GetRelativePath(RepoPaths.Root, src));
            Assert.Equal(Sha256(src), Sha256(installed));
        }
        // Every .onnx is named by a manifest beside it (its model, or a graph of its split section: a keyframe-cache
        // export's <stem>.features.onnx belongs to <stem>.json).
        var named = sourceFiles.Where(f => f.EndsWith(".json", StringComparison.Ordinal)).SelectMany(ManifestGraphFiles).ToHashSet();
        foreach (var onnx in sourceFiles.Where(f => f.EndsWith(".onnx", StringComparison.Ordinal)))
            Assert.True(named.Contains(onnx), "model without manifest: " + onnx);

        // Every assembly and native library the node needs at run time (deps.json of the runtime target) is installed.
        using var deps = JsonDocument.Parse(File.ReadAllText(expected[3]));
        var runtimeTarget = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var assets = deps.RootElement.GetProperty("targets").GetProperty(runtimeTarget).EnumerateObject()
            .SelectMany(entry => new[] { "runtime", "native" }
                .SelectMany(kind => entry.Value.TryGetProperty(kind, out var files) ? files.EnumerateObject().Select(f => Path.GetFileName(f.Name)) : []))
            .ToList();
        Assert.Contains("YamlDotNet.dll", assets);
        foreach (var a in assets)
            Assert.True(File.Exists(Path.Combine(lib, "dotnet", a)), "published file missing: " + a);
    }

    [Fact]
    public void Ros2RunLookup_InstalledPackage_FindsExactlyTheWrapper()
    {
        Assert.True(ws.Build.Result.ExitCode == 0, ws.Build.Describe());
        var json = SystemPython.Run(Path.Combine(RepoPaths.Root, "test", "CvM.Package.Tests", "peers", "ros2run_lookup.py"),
            [Package, "cvm_perception"], new Dictionary<string, string> { ["AMENT_PREFIX_PATH"] = ws.Prefix });
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(ws.Prefix, doc.RootElement.GetProperty("prefix").GetString());
        var executables = doc.RootElement.GetProperty("executables").EnumerateArray().Select(e => e.GetString()).ToList();
        var wrapper = Path.Combine(ws.Prefix, "lib", Package, "cvm_perception");
        Assert.Equal([wrapper], executables);
    }

    [Fact]
    public void InstalledWrapper_NodeHelp_ListsEveryParameter()
    {
        Assert.True(ws.Build.Result.ExitCode == 0, ws.Build.Describe());
        var wrapper = Path.Combine(ws.Prefix, "lib", Package, "cvm_perception");
        var (result, _) = ProcessRunner.Run(wrapper, ["node", "--help"], ws.Root, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StdErr}");
        foreach (var d in NodeParameterTable.All)
            Assert.Contains(d.Name, result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void SymlinkInstall_Wrapper_RunsThroughSymlinks()
    {
        Assert.True(ws.Build.Result.ExitCode == 0, ws.Build.Describe());
        Assert.NotNull(ws.SymlinkBuild);
        Assert.True(ws.SymlinkBuild.Result.ExitCode == 0, ws.SymlinkBuild.Describe());
        var wrapper = Path.Combine(ws.SymlinkPrefix, "lib", Package, "cvm_perception");
        Assert.NotNull(new FileInfo(wrapper).LinkTarget);
        Assert.NotNull(new FileInfo(Path.Combine(ws.SymlinkPrefix, "share", Package, "launch", "cvm_perception.launch.xml")).LinkTarget);
        var (result, _) = ProcessRunner.Run(wrapper, ["node", "--help"], ws.Root, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StdErr}");
        Assert.Contains(NodeParameterTable.All[0].Name, result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledNode_XmlLaunchArgv_StartsThenStopsCleanlyOnSigint()
    {
        Assert.True(ws.Build.Result.ExitCode == 0, ws.Build.Describe());
        using var tmp = new TempFolder("cvm_launch");
        var share = Path.Combine(ws.Prefix, "share", Package);
        var lib = Path.Combine(ws.Prefix, "lib", Package);
        var evaluation = LaunchEvaluation.EvaluateInstalled(Path.Combine(share, "launch", "cvm_perception.launch.xml"), share, lib, tmp.Path,
            "namespace:=pkg_test", "device:=cpu");
        var argv = Assert.Single(evaluation.Nodes).Argv;
        Assert.Equal(Path.Combine(lib, "cvm_perception"), argv[0]);
        Assert.Equal(Path.Combine(share, "config", "cvm_perception.yaml"), argv[8]);

        var domain = DomainIds.Next();
        var run = InstalledNodeRun.StartAndInterrupt(argv, tmp.Path, new Dictionary<string, string>
        {
            ["ROS_DOMAIN_ID"] = domain.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CYCLONEDDS_URI"] = CycloneConfig.Loopback.ToXml((uint)domain),
        }, readyMarker: "execution provider", TimeSpan.FromMinutes(2));

        Assert.True(run.Ready, "the node never reported its execution provider:\n" + run.Describe());
        Assert.Contains("/pkg_test/cvm_perception", run.StdOut, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("shutting down", run.StdOut, StringComparison.Ordinal);
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The model files a manifest names (top-level <c>model</c>, split <c>features</c>/<c>multiView</c>), as full paths.</summary>
    private static IEnumerable<string> ManifestGraphFiles(string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        var dir = Path.GetDirectoryName(manifest)!;
        var root = doc.RootElement;
        var files = new List<string>();
        if (root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String) files.Add(Path.Combine(dir, model.GetString()!));
        if (root.TryGetProperty("split", out var split) && split.ValueKind == JsonValueKind.Object)
            foreach (var graph in split.EnumerateObject())
                if (graph.Value.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String) files.Add(Path.Combine(dir, m.GetString()!));
        return files;
    }
}
