using CvM.Geometry;
using CvM.Synthetic;

namespace CvM.Pipeline.Tests;

/// <summary>A small rendered robot sequence (rgb8 images, ground-truth depth, camera poses) shared by the tests; built once per size.</summary>
internal sealed class SyntheticSequence
{
    private static readonly Lazy<SyntheticSequence> Small = new(() => new SyntheticSequence(seed: 7, frames: 14, width: 160, height: 120));

    public SyntheticSequence(int seed, int frames, int width, int height)
    {
        var scene = SceneGenerator.Create(seed);
        var path = CameraPath.Robot(scene, seed, frames);
        K = Intrinsics.FromHorizontalFov(60 * Math.PI / 180, width, height);
        var fb = new FrameBuffers(width, height);
        for (var i = 0; i < frames; i++)
        {
            var pose = path.PoseAt(i);
            scene.Render(pose, K, fb, noiseSeed: i);
            Frames.Add(new SyntheticFrame(1_700_000_000_000_000_000L + i * 100_000_000L, pose, fb.RgbHW3.ToArray(), fb.DepthHW.ToArray()));
        }
    }

    public static SyntheticSequence Default => Small.Value;

    public Intrinsics K { get; }

    public List<SyntheticFrame> Frames { get; } = [];
}

internal sealed record SyntheticFrame(long StampNs, Pose3 T_world_cam, byte[] Rgb, float[] DepthM);
