using CvM.Geometry;
using CvM.Synthetic.Internal;

namespace CvM.Synthetic;

/// <summary>
/// A camera trajectory through a <see cref="Scene"/>: camera-to-world poses T_world_cam (optical frame:
/// x right, y down, z forward) at frame indices 0..Count-1, spaced 1 / FrameRate seconds apart, keeping at
/// least <see cref="CameraPathOptions.MinClearance"/> from every surface. Deterministic by seed.
/// </summary>
public sealed class CameraPath
{
    private readonly Pose3[] _T_world_cam;

    private CameraPath(Pose3[] poses, double frameRate)
    {
        _T_world_cam = poses;
        FrameRate = frameRate;
    }

    /// <summary>Number of frames.</summary>
    public int Count => _T_world_cam.Length;

    /// <summary>Frames per second.</summary>
    public double FrameRate { get; }

    /// <summary>T_world_cam at frame <paramref name="frame"/> (0..Count-1).</summary>
    public Pose3 PoseAt(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Count);
        return _T_world_cam[frame];
    }

    /// <summary>
    /// A handheld-like path: smooth walk between random free waypoints at head height, looking at random points
    /// of the room, with smooth rotation jitter.
    /// </summary>
    public static CameraPath Handheld(Scene scene, int seed, int frameCount, CameraPathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        options ??= new CameraPathOptions();
        options.Validate();
        return new CameraPath(PathPlanner.Handheld(scene, seed, frameCount, options), options.FrameRate);
    }

    /// <summary>
    /// A wheeled-robot-like path: forward motion at a fixed camera height with a level camera (or a fixed tilt),
    /// smooth random turns, turning in place before obstacles.
    /// </summary>
    public static CameraPath Robot(Scene scene, int seed, int frameCount, CameraPathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        options ??= new CameraPathOptions();
        options.Validate();
        return new CameraPath(PathPlanner.Robot(scene, seed, frameCount, options), options.FrameRate);
    }
}
