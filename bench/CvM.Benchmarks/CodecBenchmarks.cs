using BenchmarkDotNet.Attributes;
using CvM.Messages;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;

namespace CvM.Benchmarks;

/// <summary>
/// XCDR1 codec cost for a 640x480 rgb8 Image (921,600 pixel bytes) and an Odometry, next to a plain copy of
/// the same image bytes measured in the same run (the bandwidth baseline for image decode).
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private byte[] _imagePayload = [];
    private byte[] _pixels = [];
    private byte[] _copyDestination = [];
    private byte[] _decodeDestination = [];
    private ImageMetadata _imageMetadata;
    private byte[] _odometryPayload = [];
    private Odometry _odometry = new();
    private PooledBufferWriter _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pixels = new byte[640 * 480 * 3];
        new Random(7).NextBytes(_pixels);
        var image = new Image
        {
            Header = new Header(new Time(1_700_000_000, 33_333_333), "camera_color_optical_frame"),
            Height = 480,
            Width = 640,
            Encoding = "rgb8",
            Step = 640 * 3,
            Data = _pixels,
        };
        _imagePayload = CdrCodec.SerializeToArray(image);
        _imageMetadata = image.Metadata;
        _copyDestination = new byte[_imagePayload.Length];
        _decodeDestination = new byte[_pixels.Length];
        var rng = new Random(8);
        _odometry = new Odometry
        {
            Header = new Header(new Time(1_700_000_000, 1), "odom"),
            ChildFrameId = "base_link",
            Pose = new PoseWithCovariance
            {
                Pose = new Pose(new Point(1, 2, 3), new Quaternion(0, 0, 0.38268343, 0.92387953)),
                Covariance = Enumerable.Range(0, 36).Select(_ => rng.NextDouble()).ToArray(),
            },
            Twist = new TwistWithCovariance
            {
                Twist = new Twist(new Vector3(0.5, 0, 0), new Vector3(0, 0, 0.1)),
                Covariance = Enumerable.Range(0, 36).Select(_ => rng.NextDouble()).ToArray(),
            },
        };
        _odometryPayload = CdrCodec.SerializeToArray(_odometry);
        _output = new PooledBufferWriter(_imagePayload.Length + 64);
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();

    /// <summary>Baseline: copy the serialized image bytes.</summary>
    [Benchmark(Baseline = true)]
    public void ImageMemoryCopy() => _imagePayload.AsSpan().CopyTo(_copyDestination);

    /// <summary>Decode into a pooled lease (returned right away).</summary>
    [Benchmark]
    public uint ImageDecodePooled()
    {
        var m = Image.DecodePooled(_imagePayload, out var pixels);
        pixels.Dispose();
        return m.Width;
    }

    /// <summary>Decode into a caller buffer.</summary>
    [Benchmark]
    public uint ImageDecodeInto() => Image.DecodeInto(_imagePayload, _decodeDestination).Width;

    /// <summary>Decode into a fresh message with its own pixel array (allocates the 921,600 bytes).</summary>
    [Benchmark]
    public int ImageDecodeMessage() => CdrCodec.Deserialize<Image>(_imagePayload).Data.Length;

    /// <summary>Encode from metadata and pixels into a reused pooled buffer.</summary>
    [Benchmark]
    public int ImageEncodePooled()
    {
        _output.Clear();
        Image.Serialize(_imageMetadata, _pixels, _output);
        return _output.WrittenCount;
    }

    /// <summary>Decode an Odometry (allocates the message and its covariance arrays).</summary>
    [Benchmark]
    public double OdometryDecode() => CdrCodec.Deserialize<Odometry>(_odometryPayload).Pose.Pose.Position.X;

    /// <summary>Encode an Odometry into a reused pooled buffer.</summary>
    [Benchmark]
    public int OdometryEncode()
    {
        _output.Clear();
        CdrCodec.Serialize(_odometry, _output);
        return _output.WrittenCount;
    }
}
