using CvM.Bags;
using CvM.Bags.Mcap;
using CvM.Geometry;
using CvM.Messages;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.Definitions;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.Synthetic;

namespace CvM.Node.Demo;

/// <summary>
/// The embedded default input of <c>replay</c>: a small deterministic synthetic bag rendered with CvM.Synthetic (a
/// robot-like path through a generated room) and written with CvM.Bags: rgb8 images, camera_info, odometry (child
/// frame = the camera's optical frame), /tf and the ground-truth depth (32FC1, metres) with its camera_info, on the
/// topic names the evaluation reads by default.
/// </summary>
public static class DemoBag
{
    /// <summary>Colour image topic.</summary>
    public const string ImageTopic = "/camera/color/image_raw";

    /// <summary>Colour camera_info topic.</summary>
    public const string CameraInfoTopic = "/camera/color/camera_info";

    /// <summary>Ground-truth depth topic.</summary>
    public const string DepthTopic = "/camera/depth/image_raw";

    /// <summary>Depth camera_info topic.</summary>
    public const string DepthInfoTopic = "/camera/depth/camera_info";

    /// <summary>Odometry topic.</summary>
    public const string OdomTopic = "/odom";

    /// <summary>Optical frame of the camera.</summary>
    public const string CameraFrame = "camera_color_optical_frame";

    /// <summary>What to render.</summary>
    /// <param name="Seed">scene and path seed.</param>
    /// <param name="Frames">frame count.</param>
    /// <param name="Width">image width.</param>
    /// <param name="Height">image height.</param>
    /// <param name="FrameRateHz">frame rate of the stamps.</param>
    public sealed record Options(int Seed = 11, int Frames = 30, int Width = 320, int Height = 240, double FrameRateHz = 10);

    /// <summary>Renders and writes the bag into <paramref name="bagDirectory"/> (must not exist or be empty); returns the frame count.</summary>
    public static int Write(string bagDirectory, Options? options = null)
    {
        options ??= new Options();
        var scene = SceneGenerator.Create(options.Seed);
        var path = CameraPath.Robot(scene, options.Seed, options.Frames, new CameraPathOptions { FrameRate = options.FrameRateHz });
        var K = Intrinsics.FromHorizontalFov(60 * Math.PI / 180, options.Width, options.Height);
        var fb = new FrameBuffers(options.Width, options.Height);
        using var writer = McapBagWriter.Create(bagDirectory);
        writer.AddTopic(Topic(ImageTopic, Image.RosType, BagQosProfile.SensorData));
        writer.AddTopic(Topic(CameraInfoTopic, CameraInfo.RosType, BagQosProfile.Default));
        writer.AddTopic(Topic(DepthTopic, Image.RosType, BagQosProfile.SensorData));
        writer.AddTopic(Topic(DepthInfoTopic, CameraInfo.RosType, BagQosProfile.Default));
        writer.AddTopic(Topic(OdomTopic, Odometry.RosType, BagQosProfile.Default));
        writer.AddTopic(Topic("/tf", TFMessage.RosType, BagQosProfile.Default with { Depth = 100 }));
        using var buffer = new PooledBufferWriter(1 << 20);
        const long t0 = 1_700_000_000_000_000_000L;
        for (var i = 0; i < options.Frames; i++)
        {
            var stamp = t0 + (long)Math.Round(i * 1e9 / options.FrameRateHz);
            var header = new Header(new Time((int)(stamp / 1_000_000_000L), (uint)(stamp % 1_000_000_000L)), CameraFrame);
            var pose = path.PoseAt(i);
            scene.Render(pose, K, fb, noiseSeed: i);
            var p = new Pose(new Point(pose.Translation.X, pose.Translation.Y, pose.Translation.Z),
                new Quaternion(pose.Rotation.X, pose.Rotation.Y, pose.Rotation.Z, pose.Rotation.W));
            var odom = new Odometry { Header = header with { FrameId = "odom" }, ChildFrameId = CameraFrame };
            odom.Pose.Pose = p;
            Put(writer, buffer, OdomTopic, stamp, odom);
            var tf = new TFMessage
            {
                Transforms = [new TransformStamped { Header = header with { FrameId = "odom" }, ChildFrameId = CameraFrame,
                    Transform = new Transform(new Vector3(p.Position.X, p.Position.Y, p.Position.Z), p.Orientation) }],
            };
            Put(writer, buffer, "/tf", stamp, tf);
            var info = Info(header, K);
            Put(writer, buffer, CameraInfoTopic, stamp, info);
            Put(writer, buffer, DepthInfoTopic, stamp, info);
            buffer.Clear();
            Image.Serialize(new ImageMetadata(header, (uint)K.Height, (uint)K.Width, "rgb8", 0, (uint)K.Width * 3), fb.RgbHW3, buffer);
            writer.Write(ImageTopic, stamp, buffer.WrittenSpan);
            buffer.Clear();
            Image.Serialize(new ImageMetadata(header, (uint)K.Height, (uint)K.Width, "32FC1", 0, (uint)K.Width * 4),
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(fb.DepthHW.AsSpan()), buffer);
            writer.Write(DepthTopic, stamp, buffer.WrittenSpan);
        }
        return options.Frames;
    }

    /// <summary>A camera_info with <paramref name="K"/> (no distortion).</summary>
    public static CameraInfo Info(Header header, Intrinsics K) => new()
    {
        Header = header,
        Width = (uint)K.Width,
        Height = (uint)K.Height,
        DistortionModel = "plumb_bob",
        D = new double[5],
        K = [K.Fx, 0, K.Cx, 0, K.Fy, K.Cy, 0, 0, 1],
        R = [1, 0, 0, 0, 1, 0, 0, 0, 1],
        P = [K.Fx, 0, K.Cx, 0, 0, K.Fy, K.Cy, 0, 0, 0, 1, 0],
    };

    /// <summary>A bag topic with the full message definition.</summary>
    public static BagTopic Topic(string name, string type, BagQosProfile qos)
    {
        var schema = MessageDefinitions.Get(type);
        return new BagTopic(name, type, "cdr", [qos], schema.Rihs01, new BagMessageDefinition(type, BagMessageDefinition.Ros2Msg, schema.FullText));
    }

    private static void Put<T>(McapBagWriter writer, PooledBufferWriter buffer, string topic, long stamp, T message) where T : IRosMessage<T>
    {
        buffer.Clear();
        CdrCodec.Serialize(message, buffer);
        writer.Write(topic, stamp, buffer.WrittenSpan);
    }
}
