using CvM.TestSupport;

namespace CvM.Package.Tests.Support;

/// <summary>
/// The README block between <c>&lt;!-- BEGIN package</c> and <c>&lt;!-- END package --&gt;</c>, split into its
/// markdown tables by the heading above each (<c>#### Parameters</c> ...). Cells are trimmed; one pair of enclosing
/// backticks is removed.
/// </summary>
internal sealed class ReadmePackageBlock
{
    private readonly Dictionary<string, List<IReadOnlyList<string>>> _tables = new(StringComparer.Ordinal);

    private ReadmePackageBlock(string text)
    {
        Text = text;
        string? heading = null;
        List<IReadOnlyList<string>>? rows = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                rows = null;
                continue;
            }
            if (!line.StartsWith('|') || heading is null)
            {
                rows = null;
                continue;
            }
            var cells = SplitRow(line.Trim()).Select(Cell).ToList();
            if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'))) continue;
            if (rows is null)
            {
                rows = [];
                _tables[heading] = rows;
                continue; // the header row
            }
            rows.Add(cells);
        }
    }

    /// <summary>The block's text.</summary>
    public string Text { get; }

    public static ReadmePackageBlock Load()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var begin = readme.IndexOf("<!-- BEGIN package", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- END package -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no <!-- BEGIN package --> ... <!-- END package --> block");
        return new ReadmePackageBlock(readme[begin..end]);
    }

    /// <summary>The data rows of the table under the heading <paramref name="heading"/> (fails when absent).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Table(string heading)
    {
        Assert.True(_tables.TryGetValue(heading, out var rows), $"README package block has no table under '#### {heading}'");
        return rows!;
    }

    // Splits "| a | b \\| c |" on the pipes that are not escaped; "\\|" in a cell is a literal pipe.
    private static IEnumerable<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line[i]);
            }
        }
        return cells;
    }

    private static string Cell(string cell)
    {
        var c = cell.Trim();
        return c.Length >= 2 && c[0] == '`' && c[^1] == '`' && c.IndexOf('`', 1) == c.Length - 1 ? c[1..^1] : c;
    }
}
