using Xunit;

namespace CvM.TestSupport;

/// <summary>Locates the repository root and the optional <c>../shared</c> folder beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding <c>CvM.Robotics.sln</c>.</summary>
    public static string Root => RootLazy.Value;

    /// <summary><c>../shared/data</c> next to the repository, or null when absent (tests then skip).</summary>
    public static string? SharedData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("CVM_SHARED_DATA");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>Returns the shared data folder or skips the calling test when it is absent.</summary>
    public static string RequireSharedData()
    {
        var path = SharedData;
        Skip.If(path is null, "../shared/data is absent on this machine");
        return path!;
    }

    /// <summary>File stem of the committed model in <c>models/</c> (the node's default <c>model_path</c>).</summary>
    public const string CommittedModelStem = "cvm_96x128";

    /// <summary>The committed model's manifest, <c>models/&lt;stem&gt;.json</c>.</summary>
    public static string CommittedManifest => Path.Combine(Root, "models", CommittedModelStem + ".json");

    /// <summary>The committed model's multi-view graph, <c>models/&lt;stem&gt;.onnx</c> (what <c>model_path</c> names).</summary>
    public static string CommittedModel => Path.Combine(Root, "models", CommittedModelStem + ".onnx");

    /// <summary>The npm test peers folder (<c>test/peers/npm</c>).</summary>
    public static string NpmPeers => Path.Combine(Root, "test", "peers", "npm");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CvM.Robotics.sln"))) return dir.FullName;
            dir = dir.Parent;
        }
        throw new InvalidOperationException("CvM.Robotics.sln not found above " + AppContext.BaseDirectory);
    }
}
