using CvM.Bags.Mcap;
using CvM.Bags.Sqlite;

namespace CvM.Bags;

/// <summary>Opens a storage file with the reader its content calls for (MCAP magic or SQLite header).</summary>
public static class BagStorage
{
    /// <summary>
    /// Opens <paramref name="path"/> as MCAP or sqlite3, chosen by the file's first bytes. The caller owns the
    /// returned reader and disposes it. Throws <see cref="BagReadException"/> when the file is missing or neither.
    /// </summary>
    public static IBagStorageReader Open(string path, BagReadOptions? options = null, int fileIndex = 0)
    {
        if (!File.Exists(path))
            throw new BagReadException(new BagReadError(BagErrorKind.MissingFile, path, null, null, "file does not exist"));
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n >= 8 && head[..8].SequenceEqual(McapFormat.Magic)) return McapStorageReader.Open(path, options, fileIndex);
        if (n >= 16 && head.SequenceEqual("SQLite format 3\0"u8)) return SqliteStorageReader.Open(path, options, fileIndex);
        var hint = Path.GetExtension(path) switch
        {
            ".mcap" => "MCAP magic",
            ".db3" => "SQLite 3 header",
            _ => "MCAP magic or SQLite 3 header",
        };
        throw new BagReadException(new BagReadError(BagErrorKind.NotABag, path, 0, "file header", $"the file does not start with the {hint}"));
    }
}
