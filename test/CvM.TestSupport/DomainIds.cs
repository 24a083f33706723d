namespace CvM.TestSupport;

/// <summary>
/// Hands out DDS domain ids so that every test (in this process and in the other test processes that
/// <c>dotnet test</c> runs in parallel) uses a domain of its own. Ids stay in 100..229 (valid UDP ports for
/// DDS domains). Each id is claimed across processes by an exclusive lock on
/// <c>$TMPDIR/cvm_dds_domain_&lt;id&gt;.lock</c>, held open until this process exits (this class owns the
/// handles); a lock left by a dead process is released by the OS with the process.
/// </summary>
public static class DomainIds
{
    private const int First = 100;
    private const int Count = 130;
    private static readonly object Gate = new();
    private static readonly List<FileStream> Held = new();
    private static int _cursor = Environment.ProcessId % Count;

    /// <summary>A domain id not handed out before in this process and not held by another process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < Count; attempt++)
            {
                var id = First + (_cursor++ % Count);
                var path = Path.Combine(Path.GetTempPath(), $"cvm_dds_domain_{id}.lock");
                try
                {
                    Held.Add(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                    return id;
                }
                catch (IOException)
                {
                    // held by another test process: try the next id
                }
            }
            throw new InvalidOperationException($"all {Count} test domain ids are in use");
        }
    }
}
