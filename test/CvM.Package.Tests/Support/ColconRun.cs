using CvM.TestSupport;

namespace CvM.Package.Tests.Support;

/// <summary>One colcon invocation: exit code, output and wall time.</summary>
public sealed record ColconRun(ProcessResult Result, TimeSpan Elapsed)
{
    /// <summary>A failure message with the output's tail.</summary>
    public string Describe()
    {
        var errors = (Result.StdOut + "\n" + Result.StdErr).Split('\n')
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(20);
        return $"colcon exited {Result.ExitCode} after {Elapsed.TotalSeconds:F0} s\n--- error lines ---\n{string.Join('\n', errors)}" +
               $"\n--- stdout (tail) ---\n{ProcessRunner.Tail(Result.StdOut)}\n--- stderr (tail) ---\n{ProcessRunner.Tail(Result.StdErr)}";
    }
}
