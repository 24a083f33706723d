using CvM.TestSupport;

namespace CvM.Ros.Tests.Dds;

/// <summary>
/// The Cyclone DDS C test peer (<c>test/peers/cyclone</c>): idlc generates C types from <c>ros_types.idl</c> and gcc
/// builds <c>cyclone_peer.c</c> against libddsc, once per test run, into a temp folder removed when the test process exits. idlc (cyclonedds-tools),
/// the headers (cyclonedds-dev) and gcc come from <c>scripts/setup.sh</c>; missing tools fail the test with that hint.
/// </summary>
internal static class CyclonePeer
{
    private static readonly Lazy<string> Binary = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Folder holding the IDL and C source.</summary>
    public static string SourceDir => Path.Combine(RepoPaths.Root, "test", "peers", "cyclone");

    /// <summary>Runs the peer with <paramref name="args"/>; throws with its stderr on a non-zero exit.</summary>
    public static string Run(params string[] args)
    {
        var r = ExternalProcess.Run(Binary.Value, args, timeout: TimeSpan.FromSeconds(60));
        if (r.ExitCode != 0) throw new InvalidOperationException($"cyclone_peer {args[0]} failed ({r.ExitCode}): {r.StdErr}");
        return r.StdOut;
    }

    /// <summary>Runs idlc on <paramref name="idlFile"/> in <paramref name="outDir"/>; returns the generated .c path.</summary>
    public static string Idlc(string idlFile, string outDir)
    {
        Require("idlc", "cyclonedds-tools");
        var r = ExternalProcess.Run("idlc", [idlFile], outDir);
        if (r.ExitCode != 0) throw new InvalidOperationException($"idlc failed ({r.ExitCode}): {r.StdErr}");
        return Path.Combine(outDir, Path.GetFileNameWithoutExtension(idlFile) + ".c");
    }

    private static string Build()
    {
        Require("gcc", "gcc");
        var dir = Path.Combine(Path.GetTempPath(), $"cvm_cyclone_peer_{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(dir);
        foreach (var f in new[] { "ros_types.idl", "cyclone_peer.c" })
            File.Copy(Path.Combine(SourceDir, f), Path.Combine(dir, f), overwrite: true);
        Idlc("ros_types.idl", dir);
        var exe = Path.Combine(dir, "cyclone_peer");
        var r = ExternalProcess.Run("gcc", ["-O1", "-Wall", "-I.", "-o", exe, "cyclone_peer.c", "-lddsc"], dir);
        if (r.ExitCode != 0)
            throw new InvalidOperationException($"gcc cyclone_peer.c failed ({r.ExitCode}); cyclonedds-dev installed? {r.StdErr}");
        return exe;
    }

    private static void DeleteQuietly(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder; the OS cleans it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Require(string tool, string package)
    {
        if (!ExternalProcess.OnPath(tool))
            throw new InvalidOperationException($"{tool} not on PATH: install the Debian package {package} (done by scripts/setup.sh)");
    }
}
