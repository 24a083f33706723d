using CvM.Geometry;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.Synthetic;

namespace CvM.LiveBench;

/// <summary>
/// A pre-rendered synthetic robot sequence (rgb8 images and camera-to-world poses) that is looped with increasing
/// stamps. Owns the pixel arrays; the messages are reused, only their headers change per publish.
/// </summary>
internal sealed class InputSequence
{
    public const string CameraFrame = "cam_optical";
    public const string WorldFrame = "odom";

    private readonly Image[] _images;
    private readonly Pose3[] _T_world_cam;
    private readonly Intrinsics _K;

    private InputSequence(Image[] images, Pose3[] poses, Intrinsics k)
    {
        _images = images;
        _T_world_cam = poses;
        _K = k;
    }

    public int Count => _images.Length;

    public static InputSequence Render(int frames, int width, int height, int seed)
    {
        var scene = SceneGenerator.Create(seed);
        var path = CameraPath.Robot(scene, seed, frames);
        var K = Intrinsics.FromHorizontalFov(60 * Math.PI / 180, width, height);
        var fb = new FrameBuffers(width, height);
        var images = new Image[frames];
        var poses = new Pose3[frames];
        for (var i = 0; i < frames; i++)
        {
            poses[i] = path.PoseAt(i);
            scene.Render(poses[i], K, fb, noiseSeed: i, maxDegreeOfParallelism: 2);
            images[i] = new Image { Width = (uint)width, Height = (uint)height, Encoding = "rgb8", Step = (uint)width * 3, Data = fb.RgbHW3.ToArray() };
        }
        return new InputSequence(images, poses, K);
    }

    public static Header HeaderAt(long stampNs, string frame) =>
        new(new Time((int)(stampNs / 1_000_000_000L), (uint)(stampNs % 1_000_000_000L)), frame);

    public static long ToNs(Time t) => t.Sec * 1_000_000_000L + t.Nanosec;

    public Image ImageAt(int index, long stampNs)
    {
        var m = _images[index % _images.Length];
        m.Header = HeaderAt(stampNs, CameraFrame);
        return m;
    }

    public CameraInfo InfoAt(long stampNs) => new()
    {
        Header = HeaderAt(stampNs, CameraFrame),
        Width = (uint)_K.Width,
        Height = (uint)_K.Height,
        DistortionModel = "plumb_bob",
        D = new double[5],
        K = [_K.Fx, 0, _K.Cx, 0, _K.Fy, _K.Cy, 0, 0, 1],
        R = [1, 0, 0, 0, 1, 0, 0, 0, 1],
        P = [_K.Fx, 0, _K.Cx, 0, 0, _K.Fy, _K.Cy, 0, 0, 0, 1, 0],
    };

    public Odometry OdometryAt(int index, long stampNs)
    {
        var T = _T_world_cam[index % _T_world_cam.Length];
        var o = new Odometry { Header = HeaderAt(stampNs, WorldFrame), ChildFrameId = CameraFrame };
        o.Pose.Pose = new Pose(new Point(T.Translation.X, T.Translation.Y, T.Translation.Z), new Quaternion(T.Rotation.X, T.Rotation.Y, T.Rotation.Z, T.Rotation.W));
        return o;
    }

    public TFMessage TfAt(int index, long stampNs)
    {
        var T = _T_world_cam[index % _T_world_cam.Length];
        return new TFMessage
        {
            Transforms =
            [
                new TransformStamped
                {
                    Header = HeaderAt(stampNs, WorldFrame),
                    ChildFrameId = CameraFrame,
                    Transform = new Transform(new Vector3(T.Translation.X, T.Translation.Y, T.Translation.Z), new Quaternion(T.Rotation.X, T.Rotation.Y, T.Rotation.Z, T.Rotation.W)),
                },
            ],
        };
    }
}
