namespace CvM.Node.Cli;

/// <summary>The <c>node</c> verb (the live ROS 2 node).</summary>
public static class NodeVerb
{
    /// <summary><c>node --help</c>.</summary>
    public static string Help => NodeHelp.Text();

    /// <summary>Runs the live node until SIGINT/SIGTERM; returns the exit code.</summary>
    public static async Task<int> RunAsync(NodeSetup setup, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(setup);
        // Handlers first: a launch system (or a test) may send SIGINT as soon as the start-up line is printed; a signal
        // during start-up then stops the node right after it started, cleanly, instead of killing the process.
        // An inherited ignored SIGINT (a background job of a script, nohup) would hide ros2 launch's SIGINT from the node.
        if (InheritedSigint.RestoreIfIgnored())
            console.WriteLine("SIGINT was ignored by the parent process; set back to its default so that SIGINT stops the node");
        using var stop = new CancellationTokenSource();
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        await using var node = Live.LiveNode.Start(setup, console);
        await node.RunUntilCancelledAsync(stop.Token).ConfigureAwait(false);
        console.WriteLine("shutting down");
        return 0;
    }
}
