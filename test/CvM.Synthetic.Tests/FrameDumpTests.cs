using CvM.Geometry;

namespace CvM.Synthetic.Tests;

/// <summary>
/// Writes a few rendered frames as PNGs for a person to look at, when CVM_SYNTH_DUMP names a folder
/// (skipped otherwise). Checks only that every pixel was hit, since a closed room has no holes.
/// </summary>
public sealed class FrameDumpTests
{
    [SkippableFact]
    public void WritePngs_WhenDumpFolderSet_WritesHandheldAndRobotFrames()
    {
        var dir = Environment.GetEnvironmentVariable("CVM_SYNTH_DUMP");
        Skip.If(string.IsNullOrEmpty(dir), "set CVM_SYNTH_DUMP to a folder to dump frames");
        var k = Intrinsics.FromHorizontalFov(70 * Math.PI / 180, 320, 240);
        var fb = new FrameBuffers(320, 240);
        for (var seed = 1; seed <= 4; seed++)
        {
            var scene = SceneGenerator.Create(seed);
            var hand = CameraPath.Handheld(scene, seed, 60);
            var robot = CameraPath.Robot(scene, seed, 60);
            foreach (var (name, path) in new[] { ("hand", hand), ("robot", robot) })
            {
                foreach (var f in new[] { 0, 30 })
                {
                    scene.Render(path.PoseAt(f), k, fb, f);
                    FrameImages.WritePngs(fb, dir!, $"s{seed}_{name}_{f:D2}");
                    Assert.DoesNotContain(-1, fb.PrimitiveIdsHW);
                }
            }
        }
    }
}
