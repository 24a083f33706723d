using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.RmwDdsCommon;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;

namespace CvM.Messages.Tests.Support;

/// <summary>
/// Seeded random messages with varied non-default values: empty and non-empty sequences, empty, ASCII and
/// (when <see cref="Unicode"/>) non-ASCII strings, NaN and infinities among the doubles.
/// </summary>
internal sealed class RandomMessages(int seed, bool unicode)
{
    private static readonly string[] UnicodeWords = ["κάμερα", "深度", "😀robot", "naïve_frame", "Ωmega/ß", ""];
    private readonly Random _rng = new(seed);

    public bool Unicode { get; } = unicode;

    public double Double()
    {
        return _rng.Next(12) switch
        {
            0 => _rng.Next(2) == 0 ? double.NaN : BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001), // both NaN signs, a payload
            1 => double.PositiveInfinity,
            2 => double.NegativeInfinity,
            3 => 0.0,
            4 => double.Epsilon,
            5 => double.MaxValue,
            _ => (_rng.NextDouble() - 0.5) * Math.Pow(10, _rng.Next(-8, 9)),
        };
    }

    public double[] Doubles(int n)
    {
        var a = new double[n];
        for (var i = 0; i < n; i++) a[i] = Double();
        return a;
    }

    public uint UInt() => (uint)_rng.NextInt64(0, 1L << 32);

    public int Int() => _rng.Next(int.MinValue, int.MaxValue);

    public byte Byte() => (byte)_rng.Next(256);

    public byte[] Bytes(int n)
    {
        var b = new byte[n];
        _rng.NextBytes(b);
        return b;
    }

    public string Str()
    {
        if (Unicode && _rng.Next(2) == 0) return UnicodeWords[_rng.Next(UnicodeWords.Length)];
        var len = _rng.Next(4) == 0 ? 0 : _rng.Next(1, 24);
        var chars = new char[len];
        for (var i = 0; i < len; i++) chars[i] = (char)_rng.Next(0x20, 0x7f);
        return new string(chars);
    }

    public int Count(int max) => _rng.Next(3) == 0 ? 0 : _rng.Next(1, max + 1);

    public Time Time() => new(Int(), UInt());

    public Duration Duration() => new(Int(), UInt());

    public Header Header() => new(Time(), Str());

    public Vector3 Vector3() => new(Double(), Double(), Double());

    public Point Point() => new(Double(), Double(), Double());

    public Quaternion Quaternion() => new(Double(), Double(), Double(), Double());

    public Pose Pose() => new(Point(), Quaternion());

    public Twist Twist() => new(Vector3(), Vector3());

    public Transform Transform() => new(Vector3(), Quaternion());

    public PoseWithCovariance PoseWithCovariance() => new() { Pose = Pose(), Covariance = Doubles(36) };

    public TwistWithCovariance TwistWithCovariance() => new() { Twist = Twist(), Covariance = Doubles(36) };

    public TransformStamped TransformStamped() => new() { Header = Header(), ChildFrameId = Str(), Transform = Transform() };

    public Odometry Odometry() => new()
    {
        Header = Header(),
        ChildFrameId = Str(),
        Pose = PoseWithCovariance(),
        Twist = TwistWithCovariance(),
    };

    public TFMessage TFMessage() => new() { Transforms = Enumerable.Range(0, Count(4)).Select(_ => TransformStamped()).ToArray() };

    public RegionOfInterest RegionOfInterest() => new(UInt(), UInt(), UInt(), UInt(), _rng.Next(2) == 1);

    public CameraInfo CameraInfo() => new()
    {
        Header = Header(),
        Height = UInt(),
        Width = UInt(),
        DistortionModel = Str(),
        D = Doubles(Count(8)),
        K = Doubles(9),
        R = Doubles(9),
        P = Doubles(12),
        BinningX = UInt(),
        BinningY = UInt(),
        Roi = RegionOfInterest(),
    };

    public Image Image()
    {
        var width = (uint)_rng.Next(0, 9);
        var height = (uint)_rng.Next(0, 6);
        var step = width * 3 + (uint)_rng.Next(0, 3);
        return new Image
        {
            Header = Header(),
            Height = height,
            Width = width,
            Encoding = Str(),
            IsBigendian = (byte)_rng.Next(2),
            Step = step,
            Data = Bytes((int)(step * height)),
        };
    }

    public CompressedImage CompressedImage() => new() { Header = Header(), Format = Str(), Data = Bytes(Count(40)) };

    public KeyValue KeyValue() => new(Str(), Str());

    public DiagnosticStatus DiagnosticStatus() => new()
    {
        Level = Byte(),
        Name = Str(),
        Message = Str(),
        HardwareId = Str(),
        Values = Enumerable.Range(0, Count(3)).Select(_ => KeyValue()).ToArray(),
    };

    public DiagnosticArray DiagnosticArray() => new()
    {
        Header = Header(),
        Status = Enumerable.Range(0, Count(3)).Select(_ => DiagnosticStatus()).ToArray(),
    };

    public Gid Gid(GidSize size) => new(Bytes((int)size));

    public NodeEntitiesInfo NodeEntitiesInfo(GidSize size) => new()
    {
        NodeNamespace = "/" + Str(),
        NodeName = Str(),
        ReaderGidSeq = Enumerable.Range(0, Count(3)).Select(_ => Gid(size)).ToArray(),
        WriterGidSeq = Enumerable.Range(0, Count(3)).Select(_ => Gid(size)).ToArray(),
    };

    public ParticipantEntitiesInfo ParticipantEntitiesInfo(GidSize size) => new()
    {
        Gid = Gid(size),
        NodeEntitiesInfoSeq = Enumerable.Range(0, Count(3)).Select(_ => NodeEntitiesInfo(size)).ToArray(),
    };
}
