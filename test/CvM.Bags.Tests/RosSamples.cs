using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;

namespace CvM.Bags.Tests;

/// <summary>Real ROS messages with values derived from an index, for interop tests.</summary>
public static class RosSamples
{
    public static Time Stamp(long ns) => new((int)(ns / 1_000_000_000), (uint)(ns % 1_000_000_000));

    public static Odometry Odometry(int i, long ns)
    {
        var angle = 0.1 * i;
        return new Odometry
        {
            Header = new Header(Stamp(ns), "odom"),
            ChildFrameId = "base_link",
            Pose = new PoseWithCovariance
            {
                Pose = new Pose(new Point(1.5 + i, -0.25 * i, 0.125), new Quaternion(0, 0, Math.Sin(angle / 2), Math.Cos(angle / 2))),
                Covariance = Enumerable.Range(0, 36).Select(k => k * 0.5 + i).ToArray(),
            },
            Twist = new TwistWithCovariance { Twist = new Twist(new Vector3(0.5, 0, 0), new Vector3(0, 0, 0.1 * i)) },
        };
    }

    public static Image Image(int i, long ns, int width = 32, int height = 24) => new()
    {
        Header = new Header(Stamp(ns), "camera_color_optical_frame"),
        Height = (uint)height,
        Width = (uint)width,
        Encoding = "rgb8",
        IsBigendian = 0,
        Step = (uint)(width * 3),
        Data = Enumerable.Range(0, width * height * 3).Select(k => (byte)(k * 7 + i)).ToArray(),
    };

    public static TFMessage Tf(int i, long ns) => new()
    {
        Transforms =
        [
            new TransformStamped
            {
                Header = new Header(Stamp(ns), "world"),
                ChildFrameId = "camera_link",
                Transform = new Transform(new Vector3(i, 2 * i, 0.5), new Quaternion(0, Math.Sin(0.05 * i), 0, Math.Cos(0.05 * i))),
            },
        ],
    };

    public static byte[] Cdr<T>(T message) where T : CvM.Messages.IRosMessage<T> => CdrCodec.SerializeToArray(message);
}
