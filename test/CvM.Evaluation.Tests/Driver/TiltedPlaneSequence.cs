using CvM.Evaluation.Driver;
using CvM.Geometry;

namespace CvM.Evaluation.Tests.Driver;

/// <summary>
/// Test frames with exact ground truth: a camera (no rotation) sliding along world x in front of the plane
/// 0.2 x + z = 3 (metres). The depth of pixel (u, v) seen from camera centre C is
/// z = (3 - 0.2 C_x - C_z) / (0.2 xn + 1), xn = (u - cx) / fx. RGB encodes the pixel position.
/// </summary>
internal sealed class TiltedPlaneSequence(int frames = 6, int width = 32, int height = 24, double stepM = 0.02) : IEvalFrameSource
{
    public Intrinsics K { get; } = new(30, 30, (width - 1) / 2.0, (height - 1) / 2.0, width, height);

    public string Name => "tilted-plane";

    public int? FrameCount => frames;

    public static float DepthAt(double cx, double xn) => (float)((3 - 0.2 * cx) / (0.2 * xn + 1));

    public float[] GroundTruth(int index)
    {
        var d = new float[width * height];
        for (int v = 0; v < height; v++)
            for (int u = 0; u < width; u++)
                d[v * width + u] = DepthAt(index * stepM, (u - K.Cx) / K.Fx);
        d[0] = 0; // one pixel without ground truth per frame
        return d;
    }

    public IEnumerable<EvalFrame> ReadFrames()
    {
        for (int i = 0; i < frames; i++)
        {
            var rgb = new byte[width * height * 3];
            for (int p = 0; p < width * height; p++)
            {
                rgb[3 * p] = (byte)(p % width * 7);
                rgb[3 * p + 1] = (byte)(p / width * 9);
                rgb[3 * p + 2] = (byte)(i * 40);
            }
            var pose = new Pose3(UnitQuaternion.Identity, new Vector3d(i * stepM, 0, 0));
            yield return new EvalFrame(i, 1_700_000_000_000_000_000L + i * 33_333_333L, K, rgb, GroundTruth(i), pose);
        }
    }
}
