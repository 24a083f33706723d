using CvM.Bags;
using CvM.Evaluation.Driver;
using CvM.Geometry;
using CvM.Messages.Cdr;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;

namespace CvM.Evaluation.Bags;

/// <summary>
/// Evaluation frames from a rosbag2 bag (MCAP or sqlite3, through <see cref="BagReader"/>): each colour image is
/// paired with the depth image whose header stamp is nearest (within <see cref="BagFrameSourceOptions.MaxPairingGapNs"/>,
/// each depth used once), given the intrinsics of the camera info nearest in stamp and the camera pose interpolated
/// from odometry at the colour stamp. Construction reads the bag once for stamps, odometry and camera info (image
/// pixels are not decoded) and fixes the pairing plan; every <see cref="ReadFrames"/> reads it again and yields
/// the planned frames in stamp order, holding only the images of frames not yet complete. Drops are counted in
/// <see cref="Stats"/>; camera infos without usable intrinsics are skipped. Opens and disposes its own
/// <see cref="BagReader"/> per pass.
/// </summary>
public sealed class BagFrameSource : IEvalFrameSource
{
    private readonly string _path;
    private readonly BagFrameSourceOptions _options;
    private readonly List<(long Rgb, long Depth)> _plan;
    private readonly List<(long Stamp, Intrinsics K)> _cameraInfos;
    private readonly OdometryTrack _odometry;
    private readonly int _rgbImages, _depthImages;
    private readonly int _skippedMessages;
    private int _badDepth, _badRgb, _withoutPose;

    /// <summary>Opens <paramref name="bagPath"/> (folder with metadata.yaml or a single storage file) and plans the frames.</summary>
    /// <exception cref="BagReadException">The bag cannot be read.</exception>
    /// <exception cref="InvalidDataException">A topic is missing, or no camera info has usable intrinsics.</exception>
    public BagFrameSource(string bagPath, BagFrameSourceOptions? options = null)
    {
        _path = bagPath;
        _options = options ?? BagFrameSourceOptions.Default;
        _options.Validate();
        var rgbStamps = new List<long>();
        var depthStamps = new List<long>();
        _cameraInfos = [];
        var odometry = new List<(long, Pose3)>();
        using (var reader = BagReader.Open(bagPath))
        {
            foreach (var topic in new[] { _options.RgbTopic, _options.DepthTopic, _options.CameraInfoTopic })
                if (!reader.Topics.Any(t => t.Name == topic))
                    throw new InvalidDataException($"{bagPath}: topic {topic} is not in the bag (topics: {string.Join(", ", reader.Topics.Select(t => t.Name))})");
            foreach (var m in reader.ReadMessages(Filter(_options, withOdometry: true)))
            {
                // A message that does not decode, or carries unusable intrinsics or pose, is skipped and counted.
                try
                {
                    if (!TryPlan(m, rgbStamps, depthStamps, odometry)) _skippedMessages++;
                }
                catch (Exception e) when (e is CdrException or ArgumentException)
                {
                    _skippedMessages++;
                }
            }
        }
        if (_cameraInfos.Count == 0) throw new InvalidDataException($"{bagPath}: no usable camera info on {_options.CameraInfoTopic}");
        _rgbImages = rgbStamps.Count;
        _depthImages = depthStamps.Count;
        _plan = StampPairing.Pair(rgbStamps, depthStamps, _options.MaxPairingGapNs);
        _odometry = new OdometryTrack(odometry, _options.MaxPoseGapNs);
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(bagPath)));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int? FrameCount => _plan.Count;

    /// <summary>Counts of what was found and dropped (bad images are counted as <see cref="ReadFrames"/> meets them).</summary>
    public BagFrameSourceStats Stats => new(_rgbImages, _depthImages, _plan.Count, _rgbImages - _plan.Count,
        _depthImages - _plan.Count, _badDepth, _badRgb, _withoutPose, _odometry.Count, _skippedMessages);

    /// <inheritdoc/>
    public IEnumerable<EvalFrame> ReadFrames()
    {
        _badDepth = _badRgb = _withoutPose = 0;
        var wantedRgb = _plan.Select((p, i) => (p.Rgb, i)).ToDictionary(t => t.Rgb, t => t.i);
        var wantedDepth = _plan.Select((p, i) => (p.Depth, i)).ToDictionary(t => t.Depth, t => t.i);
        var rgbByFrame = new Dictionary<int, byte[]>();
        var depthByFrame = new Dictionary<int, float[]?>();
        int next = 0, index = 0;
        using var reader = BagReader.Open(_path);
        foreach (var m in reader.ReadMessages(Filter(_options, withOdometry: false)))
        {
            // Images that do not decode were skipped (and counted) when the plan was made.
            if (!TryDecodeView(m.Data.Span, out var meta, out var pixels)) continue;
            long stamp = StampNs(meta.Header.Stamp);
            if (m.Topic.Name == _options.RgbTopic && wantedRgb.TryGetValue(stamp, out int fr) && !rgbByFrame.ContainsKey(fr))
            {
                var rgb = new byte[(int)meta.Width * (int)meta.Height * 3];
                if (EvalImageDecoder.ToRgb8(meta, pixels, rgb) != ImageDecodeStatus.Ok) rgb = [];
                rgbByFrame[fr] = rgb;
            }
            else if (m.Topic.Name == _options.DepthTopic && wantedDepth.TryGetValue(stamp, out int fd) && !depthByFrame.ContainsKey(fd))
            {
                var K = NearestK(stamp);
                float[]? depth = new float[(int)meta.Width * (int)meta.Height];
                if (meta.Width != K.Width || meta.Height != K.Height || EvalImageDecoder.DepthToMetres(meta, pixels, depth) != ImageDecodeStatus.Ok)
                    depth = null;
                depthByFrame[fd] = depth;
            }
            while (next < _plan.Count && rgbByFrame.TryGetValue(next, out var rgbNext) && depthByFrame.TryGetValue(next, out var depthNext))
            {
                rgbByFrame.Remove(next);
                depthByFrame.Remove(next);
                var frame = MakeFrame(index, _plan[next].Rgb, rgbNext, depthNext);
                next++;
                if (frame is null) continue;
                index++;
                yield return frame;
            }
        }
    }

    private static bool TryDecodeView(ReadOnlySpan<byte> payload, out ImageMetadata meta, out ReadOnlySpan<byte> pixels)
    {
        try
        {
            meta = Image.DecodeView(payload, out pixels);
            return true;
        }
        catch (CdrException)
        {
            meta = default!;
            pixels = default;
            return false;
        }
    }

    private EvalFrame? MakeFrame(int index, long stampNs, byte[] rgb, float[]? depth)
    {
        if (depth is null)
        {
            _badDepth++;
            return null;
        }
        var K = NearestK(stampNs);
        if (rgb.Length != depth.Length * 3)
        {
            _badRgb++;
            rgb = [];
        }
        var pose = _odometry.PoseAt(stampNs);
        if (pose is null) _withoutPose++;
        return new EvalFrame(index, stampNs, K, rgb, depth, pose);
    }

    /// <summary>Adds one message's stamp, intrinsics or pose to the plan; false when its values are not usable.</summary>
    private bool TryPlan(BagMessage m, List<long> rgbStamps, List<long> depthStamps, List<(long, Pose3)> odometry)
    {
        var data = m.Data.Span;
        if (m.Topic.Name == _options.RgbTopic) rgbStamps.Add(StampNs(Image.DecodeView(data, out _).Header.Stamp));
        else if (m.Topic.Name == _options.DepthTopic) depthStamps.Add(StampNs(Image.DecodeView(data, out _).Header.Stamp));
        else if (m.Topic.Name == _options.CameraInfoTopic)
        {
            var info = CdrCodec.Deserialize<CameraInfo>(data);
            if (ToIntrinsics(info) is not { } K) return false;
            _cameraInfos.Add((StampNs(info.Header.Stamp), K));
        }
        else
        {
            var odom = CdrCodec.Deserialize<Odometry>(data);
            var p = odom.Pose.Pose;
            if (!double.IsFinite(p.Position.X) || !double.IsFinite(p.Position.Y) || !double.IsFinite(p.Position.Z)) return false;
            // FromXyzw throws ArgumentException on a zero or non-finite quaternion: counted by the caller.
            odometry.Add((StampNs(odom.Header.Stamp), new Pose3(
                UnitQuaternion.FromXyzw(p.Orientation.X, p.Orientation.Y, p.Orientation.Z, p.Orientation.W),
                new Vector3d(p.Position.X, p.Position.Y, p.Position.Z))));
        }
        return true;
    }

    private Intrinsics NearestK(long stampNs) => _cameraInfos.MinBy(c => Math.Abs(c.Stamp - stampNs)).K;

    /// <summary>
    /// The intrinsics of a camera info (fx = K[0], fy = K[4], cx = K[2], cy = K[5]), or null when they are not
    /// usable: a focal length not positive, a value not finite, or an empty or oversized image.
    /// </summary>
    private static Intrinsics? ToIntrinsics(CameraInfo info)
    {
        var k = info.K;
        if (info.Width > int.MaxValue || info.Height > int.MaxValue) return null;
        try
        {
            return new Intrinsics(k[0], k[4], k[2], k[5], (int)info.Width, (int)info.Height);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static BagReadFilter Filter(BagFrameSourceOptions o, bool withOdometry)
    {
        var topics = new HashSet<string>(StringComparer.Ordinal) { o.RgbTopic, o.DepthTopic };
        if (withOdometry)
        {
            topics.Add(o.CameraInfoTopic);
            if (o.OdometryTopic is not null) topics.Add(o.OdometryTopic);
        }
        return new BagReadFilter(topics);
    }

    private static long StampNs(CvM.Messages.BuiltinInterfaces.Time t) => t.Sec * 1_000_000_000L + t.Nanosec;
}
