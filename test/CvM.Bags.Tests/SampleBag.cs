using System.Buffers.Binary;
using CvM.Messages.Definitions;

namespace CvM.Bags.Tests;

/// <summary>Deterministic sample content for storage tests: three topics, interleaved and partly out of order.</summary>
public static class SampleBag
{
    public static readonly BagTopic Odom = Topic("/odom", "nav_msgs/msg/Odometry", BagQosProfile.Default);
    public static readonly BagTopic Image = Topic("/camera/image_raw", "sensor_msgs/msg/Image", BagQosProfile.SensorData);
    public static readonly BagTopic Tf = Topic("/tf", "tf2_msgs/msg/TFMessage", BagQosProfile.Default with { Depth = 100 });

    public static IReadOnlyList<BagTopic> Topics { get; } = [Odom, Image, Tf];

    public const long T0 = 1_700_000_000_000_000_000;

    public static BagTopic Topic(string name, string type, BagQosProfile qos)
    {
        var schema = MessageDefinitions.Get(type);
        return new BagTopic(name, type, "cdr", [qos], schema.Rihs01, new BagMessageDefinition(type, BagMessageDefinition.Ros2Msg, schema.FullText));
    }

    /// <summary>
    /// <paramref name="count"/> messages: odom every 10 ms, an image every 30 ms (large payload), tf every 10 ms with
    /// the same stamp as odom (a log-time tie), in write order that is slightly shuffled in time.
    /// </summary>
    public static List<TestMessage> Messages(int count, int imageBytes = 20_000)
    {
        var list = new List<TestMessage>();
        for (var i = 0; list.Count < count; i++)
        {
            var t = T0 + i * 10_000_000L;
            list.Add(new TestMessage(Odom.Name, t, Payload(i, 64)));
            if (list.Count < count) list.Add(new TestMessage(Tf.Name, t, Payload(i + 1000, 40)));
            if (i % 3 == 1 && list.Count < count) list.Add(new TestMessage(Image.Name, t - 3_000_000, Payload(i + 2000, imageBytes)));
        }
        return list;
    }

    /// <summary>A CDR-shaped payload (encapsulation header then deterministic bytes).</summary>
    public static byte[] Payload(int seed, int length)
    {
        var data = new byte[length + 4];
        data[1] = 1;
        var x = (uint)(seed * 2654435761u + 12345);
        for (var i = 4; i < data.Length; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            data[i] = (byte)x;
        }
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), seed);
        return data;
    }

    /// <summary>The order every reader must return: log time, then write order (file order).</summary>
    public static List<TestMessage> Expected(IEnumerable<TestMessage> written, BagReadFilter? filter = null) =>
        written.Select((m, i) => (m, i))
            .Where(x => filter is null || (filter.KeepsTopic(x.m.Topic) && filter.KeepsTime(x.m.LogTimeNs)))
            .OrderBy(x => x.m.LogTimeNs).ThenBy(x => x.i)
            .Select(x => x.m).ToList();

    /// <summary>Writes <paramref name="messages"/> as an MCAP bag folder with our writer.</summary>
    public static string WriteMcap(string bagDirectory, IEnumerable<TestMessage> messages, int chunkSize = 64 * 1024, int zstdLevel = 1)
    {
        using var w = Mcap.McapBagWriter.Create(bagDirectory, new Mcap.McapBagWriterOptions(ChunkSize: chunkSize, ZstdLevel: zstdLevel));
        foreach (var t in Topics) w.AddTopic(t);
        foreach (var m in messages) w.Write(m.Topic, m.LogTimeNs, m.Data, m.LogTimeNs + 1);
        return bagDirectory;
    }
}
