using CvM.TestSupport;

namespace CvM.Package.Tests.Support;

/// <summary>
/// A temporary colcon workspace whose <c>src/cvm_perception</c> is a symlink to this repository, built once per test
/// class (xunit class fixture): <c>colcon build</c> into <c>install/</c>, then <c>colcon build --symlink-install</c>
/// into <c>install_symlink/</c> sharing dotnet's artifacts folder (so the second publish is incremental).
/// The fixture never throws: the tests assert on <see cref="Build"/> and <see cref="SymlinkBuild"/>.
/// </summary>
public sealed class ColconWorkspace : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private readonly TempFolder _folder = new("cvm_colcon_ws");

    public ColconWorkspace()
    {
        Directory.CreateDirectory(Path.Combine(Root, "src"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "src", "cvm_perception"), RepoPaths.Root);
        Build = RunColcon("build", "install", symlinkInstall: false);
        if (Build.Result.ExitCode == 0)
            SymlinkBuild = RunColcon("build_symlink", "install_symlink", symlinkInstall: true);
    }

    /// <summary>The workspace folder.</summary>
    public string Root => _folder.Path;

    /// <summary>The plain install's package prefix (<c>install/cvm_perception</c>).</summary>
    public string Prefix => Path.Combine(Root, "install", "cvm_perception");

    /// <summary>The symlink install's package prefix.</summary>
    public string SymlinkPrefix => Path.Combine(Root, "install_symlink", "cvm_perception");

    /// <summary>colcon's exit code and output for the plain build, and how long it took.</summary>
    public ColconRun Build { get; }

    /// <summary>The --symlink-install build (null when the plain build failed).</summary>
    public ColconRun? SymlinkBuild { get; }

    public void Dispose() => _folder.Dispose();

    private ColconRun RunColcon(string buildBase, string installBase, bool symlinkInstall)
    {
        if (!ExternalProcess.OnPath("colcon"))
            return new ColconRun(new ProcessResult(-1, "", "colcon is not on PATH: run scripts/setup.sh (apt colcon, python3-colcon-ros, ament-cmake)"), TimeSpan.Zero);
        var args = new List<string>
        {
            "--log-base", Path.Combine(Root, "log"), "build", "--base-paths", "src",
            "--build-base", buildBase, "--install-base", installBase, "--event-handlers", "console_direct+",
        };
        if (symlinkInstall) args.Add("--symlink-install");
        args.AddRange(["--cmake-args", "-DCVM_DOTNET_ARTIFACTS_DIR=" + Path.Combine(Root, "dotnet_artifacts")]);
        try
        {
            var (result, elapsed) = ProcessRunner.Run("colcon", args, Root, BuildTimeout,
                new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
            return new ColconRun(result, elapsed);
        }
        catch (TimeoutException e)
        {
            return new ColconRun(new ProcessResult(-2, "", e.Message), BuildTimeout);
        }
    }
}
