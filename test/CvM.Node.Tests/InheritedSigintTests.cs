using System.Globalization;
using CvM.Node.Cli;
using CvM.Ros.Dds;
using CvM.TestSupport;

namespace CvM.Node.Tests;

/// <summary>
/// A node started with SIGINT ignored (a background job of a non-interactive shell, nohup) must still stop cleanly on
/// SIGINT, the signal <c>ros2 launch</c> sends first: without the reset the .NET runtime keeps the ignored SIGINT and
/// the node runs on until SIGTERM.
/// </summary>
public sealed class InheritedSigintTests
{
    [SkippableFact]
    public void Node_StartedWithSigintIgnored_StopsCleanlyOnSigint()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signal dispositions");
        var dll = typeof(Program).Assembly.Location;
        var domain = DomainIds.Next();
        var output = Path.Combine(Path.GetTempPath(), $"cvm_sigint_{Environment.ProcessId}_{domain}.txt");
        // The subshell ignores SIGINT and execs the node, which inherits the ignored disposition.
        var script = $$"""
            ( trap '' INT; exec dotnet '{{dll}}' node --ros-args -p device:=cpu -r __node:=sigint_test ) > '{{output}}' 2>&1 &
            pid=$!
            for i in $(seq 1 240); do grep -q 'execution provider' '{{output}}' && break; kill -0 $pid 2>/dev/null || break; sleep 0.25; done
            sleep 1
            kill -INT $pid
            for i in $(seq 1 120); do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
            if kill -0 $pid 2>/dev/null; then echo 'still running 30 s after SIGINT'; kill -KILL $pid; fi
            wait $pid
            echo "exit=$?"
            """;
        try
        {
            var r = ExternalProcess.Run("bash", ["-c", script], timeout: TimeSpan.FromMinutes(3), environment: new Dictionary<string, string>
            {
                ["ROS_DOMAIN_ID"] = domain.ToString(CultureInfo.InvariantCulture),
                ["CYCLONEDDS_URI"] = CycloneConfig.Loopback.ToXml((uint)domain),
            });
            var node = File.Exists(output) ? File.ReadAllText(output) : "";
            var describe = $"script:\n{r.StdOut}{r.StdErr}\nnode:\n{node}";
            Assert.Contains("exit=0", r.StdOut, StringComparison.Ordinal);
            Assert.Contains("SIGINT was ignored by the parent process", node, StringComparison.Ordinal);
            Assert.True(node.Contains("shutting down", StringComparison.Ordinal), describe);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [SkippableFact]
    public void RestoreIfIgnored_SigintNotIgnored_LeavesItAlone()
    {
        // Where the test host does not ignore SIGINT there is nothing to restore, and the disposition stays as it is.
        Skip.If(InheritedSigint.IsIgnored(), "this test process was started with SIGINT ignored");
        Assert.False(InheritedSigint.RestoreIfIgnored());
        Assert.False(InheritedSigint.IsIgnored());
    }
}
