namespace CvM.Bags.Tests;

/// <summary>
/// The one contract every <see cref="IBagStorageReader"/> meets; each storage inherits it with its own writer.
/// Expected values come from the messages the test wrote, ordered independently of the reader.
/// </summary>
public abstract class BagStorageReaderContract : IDisposable
{
    protected TestDirectory Dir { get; } = new();

    /// <summary>Writes <paramref name="messages"/> with <see cref="SampleBag.Topics"/> in this storage and opens the file.</summary>
    protected abstract IBagStorageReader Create(IReadOnlyList<TestMessage> messages);

    /// <summary>The publish time the storage returns for a message logged at <paramref name="logTimeNs"/>.</summary>
    protected abstract long? ExpectedPublishTime(long logTimeNs);

    protected abstract string ExpectedStorageIdentifier { get; }

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void AssertSame(IReadOnlyList<TestMessage> expected, List<(string Topic, long Time, long? Publish, byte[] Data)> actual,
        Func<long, long?> publish)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Topic, actual[i].Topic);
            Assert.Equal(expected[i].LogTimeNs, actual[i].Time);
            Assert.Equal(publish(expected[i].LogTimeNs), actual[i].Publish);
            Assert.True(expected[i].Data.AsSpan().SequenceEqual(actual[i].Data), $"payload {i} differs");
        }
    }

    private static List<(string, long, long?, byte[])> ReadAll(IBagStorageReader reader, BagReadFilter? filter = null) =>
        reader.ReadMessages(filter).Select(m => (m.Topic.Name, m.LogTimeNs, m.PublishTimeNs, m.Data.ToArray())).ToList();

    [Fact]
    public void ReadMessages_NoFilter_ReturnsEveryMessageInLogTimeThenWriteOrderWithEqualBytes()
    {
        var written = SampleBag.Messages(300);
        using var reader = Create(written);
        AssertSame(SampleBag.Expected(written), ReadAll(reader), ExpectedPublishTime);
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Topics_AfterOpen_ListNameTypeQosHashAndDefinition()
    {
        using var reader = Create(SampleBag.Messages(30));
        Assert.Equal(ExpectedStorageIdentifier, reader.StorageIdentifier);
        Assert.Equal(SampleBag.Topics.Select(t => t.Name).Order(), reader.Topics.Select(t => t.Name).Order());
        foreach (var expected in SampleBag.Topics)
        {
            var t = reader.Topics.Single(x => x.Name == expected.Name);
            Assert.Equal(expected.Type, t.Type);
            Assert.Equal("cdr", t.SerializationFormat);
            Assert.Equal(expected.TypeDescriptionHash, t.TypeDescriptionHash);
            Assert.Equal(expected.OfferedQosProfiles, t.OfferedQosProfiles);
            Assert.NotNull(t.Definition);
            Assert.Equal(expected.Definition!.Text, t.Definition!.Text);
            Assert.Equal("ros2msg", t.Definition.Encoding);
        }
    }

    [Fact]
    public void ReadMessages_TopicFilter_ReturnsOnlyThoseTopicsInOrder()
    {
        var written = SampleBag.Messages(200);
        using var reader = Create(written);
        var filter = BagReadFilter.ForTopics(SampleBag.Image.Name, SampleBag.Tf.Name);
        AssertSame(SampleBag.Expected(written, filter), ReadAll(reader, filter), ExpectedPublishTime);
    }

    [Fact]
    public void ReadMessages_TimeRange_ReturnsTheInclusiveRangeOnly()
    {
        var written = SampleBag.Messages(300);
        using var reader = Create(written);
        var filter = new BagReadFilter(null, SampleBag.T0 + 247_000_000, SampleBag.T0 + 600_000_000);
        var expected = SampleBag.Expected(written, filter);
        Assert.Contains(expected, m => m.LogTimeNs == filter.StartTimeNs);
        Assert.Contains(expected, m => m.LogTimeNs == filter.EndTimeNs);
        AssertSame(expected, ReadAll(reader, filter), ExpectedPublishTime);
    }

    [Fact]
    public void ReadMessages_TopicAndTimeFilterMatchingNothing_ReturnsEmpty()
    {
        using var reader = Create(SampleBag.Messages(60));
        Assert.Empty(reader.ReadMessages(BagReadFilter.ForTopics("/nope")));
        Assert.Empty(reader.ReadMessages(new BagReadFilter(null, SampleBag.T0 + 10_000_000_000, null)));
    }

    [Fact]
    public void GetSummary_Always_CountsAndTimeSpanMatchWrittenMessages()
    {
        var written = SampleBag.Messages(250);
        using var reader = Create(written);
        var s = reader.GetSummary();
        Assert.Equal(written.Count, s.MessageCount);
        Assert.Equal(written.Min(m => m.LogTimeNs), s.StartTimeNs);
        Assert.Equal(written.Max(m => m.LogTimeNs), s.EndTimeNs);
        foreach (var g in written.GroupBy(m => m.Topic)) Assert.Equal(g.Count(), s.MessageCountByTopic[g.Key]);
    }

    [Fact]
    public void ReadMessages_TwoPasses_GiveIdenticalSequences()
    {
        using var reader = Create(SampleBag.Messages(150));
        var first = reader.ReadMessages().Select(m => (m.Topic.Name, m.LogTimeNs, m.FileOrder, Convert.ToHexString(m.Data.Span))).ToList();
        var second = reader.ReadMessages().Select(m => (m.Topic.Name, m.LogTimeNs, m.FileOrder, Convert.ToHexString(m.Data.Span))).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void BagStorageOpen_SameFile_PicksThisStorageByContent()
    {
        string path;
        using (var reader = Create(SampleBag.Messages(10))) path = reader.FilePath;
        using var again = BagStorage.Open(path);
        Assert.Equal(ExpectedStorageIdentifier, again.StorageIdentifier);
        Assert.Equal(10, again.ReadMessages().Count());
    }
}
