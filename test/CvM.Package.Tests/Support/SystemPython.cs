using CvM.TestSupport;

namespace CvM.Package.Tests.Support;

/// <summary>
/// Debian's python3 (<c>/usr/bin/python3</c>), which has the apt packages scripts/setup.sh installs (python3-yaml,
/// python3-ament-index). A pyenv python3 first on PATH lacks them (DESIGN §8), so it is only the fallback.
/// </summary>
internal static class SystemPython
{
    public static string Executable => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Runs a Python script; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string script, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var result = ExternalProcess.Run(Executable, new[] { script }.Concat(args), RepoPaths.Root,
            timeout: TimeSpan.FromMinutes(1), environment: environment);
        Assert.True(result.ExitCode == 0,
            $"{Executable} {Path.GetFileName(script)} exited {result.ExitCode} (scripts/setup.sh installs python3-yaml and python3-ament-index):\n{result.StdErr}");
        return result.StdOut;
    }
}
