using CvM.Messages.Cdr;
using CvM.Messages.Definitions;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.RmwDdsCommon;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tests.Support;
using CvM.Messages.Tf2Msgs;
using CvM.TestSupport;

namespace CvM.Messages.Tests;

/// <summary>
/// The allocation-free decoders the live node runs for camera_info, odometry and TF
/// (<see cref="CameraInfo.DecodeIntrinsics"/>, <see cref="Odometry.DecodePose"/>,
/// <see cref="TFMessage.DecodeTransforms{TSink}"/>). Payloads come from Foxglove's encoder, little and big endian.
/// Each decoder must give the same values as the full decoder and throw on exactly the payloads the full decoder
/// rejects, and it must allocate nothing.
/// </summary>
public sealed class HotPathDecodeTests
{
    private sealed record Sample(string Id, byte[] Payload);

    private static List<Sample> FoxgloveEncoded(string rosType, Func<RandomMessages, object> generate)
    {
        var text = MessageDefinitions.Get(rosType).FullText;
        var requests = new List<PeerRequest>();
        for (var seed = 0; seed < 4; seed++)
        {
            var json = MessageJson.ToJson(generate(new RandomMessages(7000 + seed, unicode: seed == 3)), rosType, GidSize.Jazzy);
            requests.Add(new PeerRequest($"le{seed}", text, "encode", Value: json, Utf8Writer: seed == 3));
            if (seed != 3) requests.Add(new PeerRequest($"be{seed}", text, "encode-be", Value: json));
        }
        return CdrPeer.Run(requests).Select(r => new Sample(r.Key, r.Value.Encoded!)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void DecodeIntrinsics_FoxgloveCameraInfo_SameAsFullDecoder()
    {
        foreach (var s in FoxgloveEncoded(CameraInfo.RosType, r => r.CameraInfo()))
        {
            var full = CdrCodec.Deserialize<CameraInfo>(s.Payload);
            var K = new double[9];
            var header = CameraInfo.DecodeIntrinsics(s.Payload, K, out var width, out var height);
            Assert.Equal(full.Header, header);
            Assert.Same(full.Header.FrameId, header.FrameId); // interned: the same string object, no copy
            Assert.Equal((full.Width, full.Height), (width, height));
            Assert.Equal(full.K, K);
        }
    }

    [Fact]
    public void DecodePose_FoxgloveOdometry_SameAsFullDecoder()
    {
        foreach (var s in FoxgloveEncoded(Odometry.RosType, r => r.Odometry()))
        {
            var full = CdrCodec.Deserialize<Odometry>(s.Payload);
            var header = Odometry.DecodePose(s.Payload, out var child, out var pose);
            Assert.Equal(full.Header, header);
            Assert.Equal(full.ChildFrameId, child);
            Assert.Equal(full.Pose.Pose, pose);
        }
    }

    [Fact]
    public void DecodeTransforms_FoxgloveTFMessage_SameAsFullDecoderInOrder()
    {
        foreach (var s in FoxgloveEncoded(TFMessage.RosType, r => r.TFMessage()))
        {
            var full = CdrCodec.Deserialize<TFMessage>(s.Payload);
            var sink = new Collect([]);
            Assert.Equal(full.Transforms.Length, TFMessage.DecodeTransforms(s.Payload, ref sink));
            Assert.Equal(full.Transforms.Select(t => (t.Header, t.ChildFrameId, t.Transform)), sink.Seen);
        }
    }

    /// <summary>Every truncation of a payload: the hot-path decoder throws exactly when the full decoder throws.</summary>
    [Fact]
    public void HotPathDecoders_EveryTruncation_RejectExactlyWhatTheFullDecoderRejects()
    {
        var (info, odom, tf) = OurPayloads(42);
        var K = new double[9];
        for (var n = 0; n <= info.Length; n++)
            Assert.Equal(Throws(() => CdrCodec.Deserialize<CameraInfo>(info.AsSpan(0, n))), Throws(() => CameraInfo.DecodeIntrinsics(info.AsSpan(0, n), K, out _, out _)));
        for (var n = 0; n <= odom.Length; n++)
            Assert.Equal(Throws(() => CdrCodec.Deserialize<Odometry>(odom.AsSpan(0, n))), Throws(() => Odometry.DecodePose(odom.AsSpan(0, n), out _, out _)));
        for (var n = 0; n <= tf.Length; n++)
        {
            var sink = new Collect([]);
            var fullThrows = Throws(() => CdrCodec.Deserialize<TFMessage>(tf.AsSpan(0, n)));
            Assert.Equal(fullThrows, Throws(() => TFMessage.DecodeTransforms(tf.AsSpan(0, n), ref sink)));
            if (fullThrows) Assert.Empty(sink.Seen); // nothing delivered from a message that turned out malformed
        }
        Assert.Throws<ArgumentException>(() => CameraInfo.DecodeIntrinsics(info, new double[8], out _, out _)); // a caller error, not bad input
    }

    [Fact]
    public void HotPathDecoders_SteadyState_AllocateNothing()
    {
        var (info, odom, tf) = OurPayloads(43);
        var K = new double[9];
        var count = default(Count);
        void Once()
        {
            CameraInfo.DecodeIntrinsics(info, K, out _, out _);
            Odometry.DecodePose(odom, out _, out _);
            TFMessage.DecodeTransforms(tf, ref count);
        }
        Once(); // frame ids enter the intern cache once
        SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 200; i++) Once();
        }, "200 camera_info + odometry + TF decodes");
        Assert.True(count.N > 0);
    }

    /// <summary>A camera_info, an odometry and a TF payload of random values, from our encoder.</summary>
    private static (byte[] Info, byte[] Odom, byte[] Tf) OurPayloads(int seed)
    {
        var r = new RandomMessages(seed, unicode: false);
        return (CdrCodec.SerializeToArray(r.CameraInfo()), CdrCodec.SerializeToArray(r.Odometry()), CdrCodec.SerializeToArray(r.TFMessage()));
    }

    private static bool Throws(Action decode)
    {
        try
        {
            decode();
            return false;
        }
        catch (CdrException)
        {
            return true;
        }
    }

    private readonly struct Collect(List<(Header, string, Transform)> seen) : ITransformSink
    {
        public List<(Header, string, Transform)> Seen { get; } = seen;

        public void Add(in Header header, string childFrameId, in Transform transform) => Seen.Add((header, childFrameId, transform));
    }

    private struct Count : ITransformSink
    {
        public int N;

        public void Add(in Header header, string childFrameId, in Transform transform) => N++;
    }
}
