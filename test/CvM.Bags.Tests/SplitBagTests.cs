using CvM.Bags.Mcap;

namespace CvM.Bags.Tests;

/// <summary>Bags split over several files (MCAP and sqlite3 mixed here too), merged by log time then file order.</summary>
public sealed class SplitBagTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void BagReaderReadMessages_ThreeSplitFiles_MergesByLogTimeThenFileIndexWithFilters()
    {
        var all = SampleBag.Messages(240);
        var parts = new[] { all[..80], all[80..160], all[160..] };
        var bag = _dir.Combine("split");
        Directory.CreateDirectory(bag);
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var name = $"split_{i}." + (i == 1 ? "db3" : "mcap");
            if (i == 1) SqliteBagBuilder.Write(Path.Combine(bag, name), SampleBag.Topics, parts[i]);
            else
            {
                var tmp = _dir.Combine($"part{i}");
                SampleBag.WriteMcap(tmp, parts[i], chunkSize: 16 * 1024);
                File.Move(Path.Combine(tmp, $"part{i}_0.mcap"), Path.Combine(bag, name));
            }
            names.Add(name);
        }
        var metadata = new BagMetadata
        {
            StorageIdentifier = "mcap",
            MessageCount = all.Count,
            TopicsWithMessageCount = SampleBag.Topics.Select(t => new BagTopicInformation(t, all.Count(m => m.Topic == t.Name))).ToList(),
            RelativeFilePaths = names,
        };
        File.WriteAllText(Path.Combine(bag, "metadata.yaml"), BagMetadataYaml.Serialize(metadata));

        using var reader = BagReader.Open(bag);
        Assert.Equal(3, reader.Files.Count);
        // Expected order: log time, then file index, then position in the file.
        var expected = parts.SelectMany((p, f) => p.Select((m, i) => (m, f, i))).OrderBy(x => x.m.LogTimeNs).ThenBy(x => x.f).ThenBy(x => x.i)
            .Select(x => $"{x.m.Topic}|{x.m.LogTimeNs}|{Convert.ToHexString(x.m.Data)}").ToList();
        var actual = reader.ReadMessages().Select(m => $"{m.Topic.Name}|{m.LogTimeNs}|{Convert.ToHexString(m.Data.Span)}").ToList();
        Assert.Equal(expected, actual);

        var filter = new BagReadFilter(new HashSet<string> { SampleBag.Odom.Name }, SampleBag.T0 + 300_000_000, SampleBag.T0 + 900_000_000);
        var filtered = reader.ReadMessages(filter).Select(m => m.LogTimeNs).ToList();
        Assert.Equal(all.Where(m => m.Topic == SampleBag.Odom.Name && filter.KeepsTime(m.LogTimeNs)).Select(m => m.LogTimeNs).Order(), filtered);
        Assert.Equal(all.Count(m => m.Topic == SampleBag.Image.Name), reader.CountMessagesByTopic()[SampleBag.Image.Name]);
    }

    [Fact]
    public void BagReaderOpen_SingleMcapFileWithoutMetadata_BuildsMetadataFromTheSummary()
    {
        var written = SampleBag.Messages(60);
        var bag = SampleBag.WriteMcap(_dir.Combine("one"), written);
        using var reader = BagReader.Open(Path.Combine(bag, "one_0.mcap"));
        Assert.Equal(written.Count, reader.Metadata.MessageCount);
        Assert.Equal("mcap", reader.Metadata.StorageIdentifier);
        Assert.Equal(written.Min(m => m.LogTimeNs), reader.Metadata.StartingTimeNs);
        Assert.IsType<McapStorageReader>(reader.Files[0]);
    }
}
