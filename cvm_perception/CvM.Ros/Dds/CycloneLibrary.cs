using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using CvM.Ros.Dds.Native;

namespace CvM.Ros.Dds;

/// <summary>
/// Finds and checks libddsc (Cyclone DDS 0.10.x) and installs the <c>DllImport</c> resolver of this assembly for
/// the name <c>"ddsc"</c>. Candidates, in order: <c>libddsc.so.0debian</c> (Debian SONAME), <c>libddsc.so.0</c>
/// (a ROS install), <c>libddsc.so</c> (only with <c>cyclonedds-dev</c>), each first through the system search and then
/// in every <c>$AMENT_PREFIX_PATH</c> entry's <c>lib</c> folder and every <c>$LD_LIBRARY_PATH</c> folder. A candidate
/// is accepted only when it exports every symbol the binding calls and is not a newer (0.11+) ABI.
/// The loaded library handle is owned by this class for the process lifetime (never freed).
/// </summary>
public static class CycloneLibrary
{
    /// <summary>File names tried, in order.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = ["libddsc.so.0debian", "libddsc.so.0", "libddsc.so"];

    private static readonly Lock Gate = new();
    private static CycloneLibraryInfo? _loaded;
    private static IntPtr _handle;

    /// <summary>Loads and checks libddsc once per process; throws <see cref="CycloneLibraryException"/> with every attempt.</summary>
    public static CycloneLibraryInfo EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded is not null) return _loaded;
            var (handle, info) = LoadAndCheck(DefaultNames, DefaultSearchDirectories());
            NativeLibrary.SetDllImportResolver(typeof(CycloneLibrary).Assembly, Resolve);
            _handle = handle;
            _loaded = info;
            return info;
        }
    }

    /// <summary>
    /// Tries <paramref name="names"/> through the system search and in <paramref name="directories"/>; returns what was
    /// loaded. Does not install the resolver (used by the self-check test with bogus names).
    /// </summary>
    /// <exception cref="CycloneLibraryException">No candidate loads and passes the symbol check.</exception>
    public static CycloneLibraryInfo Probe(IReadOnlyList<string> names, IReadOnlyList<string> directories) =>
        LoadAndCheck(names, directories).Info;

    /// <summary><c>$AMENT_PREFIX_PATH/*/lib</c> followed by the <c>$LD_LIBRARY_PATH</c> folders.</summary>
    public static IReadOnlyList<string> DefaultSearchDirectories()
    {
        var dirs = new List<string>();
        foreach (var prefix in Split(Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH")))
            dirs.Add(Path.Combine(prefix, "lib"));
        dirs.AddRange(Split(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH")));
        return dirs.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Split(string? pathList) =>
        (pathList ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == CycloneAbi.LibraryName ? _handle : IntPtr.Zero;

    private static (IntPtr Handle, CycloneLibraryInfo Info) LoadAndCheck(IReadOnlyList<string> names, IReadOnlyList<string> directories)
    {
        var attempts = new List<string>();
        foreach (var name in names)
        {
            var candidates = new List<string> { name };
            candidates.AddRange(directories.Select(d => Path.Combine(d, name)));
            foreach (var candidate in candidates)
            {
                var where = candidate == name ? $"{name} (system search: ld.so cache, /lib, /usr/lib, LD_LIBRARY_PATH)" : candidate;
                if (!NativeLibrary.TryLoad(candidate, out var handle))
                {
                    attempts.Add(where + ": not found");
                    continue;
                }
                var problem = CheckAbi(handle);
                if (problem is null)
                    return (handle, new CycloneLibraryInfo(candidate, attempts.Count + 1, CycloneAbi.RequiredSymbols.Length));
                attempts.Add(where + ": loaded but rejected: " + problem);
                NativeLibrary.Free(handle);
            }
        }
        var sb = new StringBuilder();
        sb.Append("Cyclone DDS 0.10.x (libddsc) could not be loaded. Tried ").Append(attempts.Count).AppendLine(" candidates:");
        foreach (var a in attempts) sb.Append("  - ").AppendLine(a);
        sb.Append("Install the Debian package libddsc0debian (apt-get install libddsc0debian), or source a ROS 2 setup ")
          .Append("so that $AMENT_PREFIX_PATH or $LD_LIBRARY_PATH names a folder holding libddsc.so.0.");
        throw new CycloneLibraryException(sb.ToString(), attempts);
    }

    private static string? CheckAbi(IntPtr handle)
    {
        var missing = CycloneAbi.RequiredSymbols.Where(s => !NativeLibrary.TryGetExport(handle, s, out _)).ToList();
        if (missing.Count > 0)
            return "missing required symbols (not Cyclone DDS 0.10.x?): " + string.Join(", ", missing);
        if (NativeLibrary.TryGetExport(handle, CycloneAbi.NewerThan010Symbol, out _))
            return $"exports {CycloneAbi.NewerThan010Symbol}, so it is Cyclone DDS 0.11 or newer; this binding's topic " +
                   "descriptor and opcode layout are those of 0.10.x";
        return null;
    }
}
