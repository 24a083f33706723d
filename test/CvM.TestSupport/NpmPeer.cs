namespace CvM.TestSupport;

/// <summary>
/// Runs a Node.js script of <c>test/peers/npm</c> (implementations we did not write: Foxglove's and MCAP's
/// npm packages). The packages are installed by <c>.ci/run</c> (<c>npm ci</c>); a missing install is a test
/// failure with the command that fixes it, never a skip.
/// </summary>
public static class NpmPeer
{
    /// <summary>Runs <c>node script args</c> in the peers folder with <paramref name="stdin"/> piped in.</summary>
    public static ProcessResult Run(string script, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        var modules = Path.Combine(RepoPaths.NpmPeers, "node_modules");
        if (!Directory.Exists(modules))
            throw new InvalidOperationException($"npm test peers missing: run `npm ci --prefix {RepoPaths.NpmPeers}` (done by .ci/run)");
        var result = ExternalProcess.Run("node", new[] { script }.Concat(args), RepoPaths.NpmPeers, stdin, timeout);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"node {script} failed ({result.ExitCode}): {result.StdErr}");
        return result;
    }
}
