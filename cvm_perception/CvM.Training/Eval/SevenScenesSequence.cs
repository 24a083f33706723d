using System.Globalization;
using CvM.Geometry;
using CvM.Synthetic;
using CvM.Training.Data;

namespace CvM.Training.Eval;

/// <summary>
/// A 7-Scenes style RGB-D sequence folder (<c>rgbd-frames/frame-NNNNNN.{color.png,depth.png,pose.txt}</c>, colour
/// 640x480 RGB, depth uint16 millimetres with 0 = invalid, 4x4 camera-to-world poses in metres; intrinsics from
/// <c>camera-intrinsics.txt</c>, default fx=fy=585 cx=320 cy=240). <see cref="Triplet"/> turns frame <c>i</c> into a
/// model sample: the two nearest other frames by camera-centre distance with a minimum baseline as sources,
/// colour area-resized and depth nearest-neighbour-resized to the model input size.
/// </summary>
public sealed class SevenScenesSequence
{
    private readonly string[] _stems;

    /// <summary>Reads the frame list, poses and intrinsics of <paramref name="folder"/>.</summary>
    public SevenScenesSequence(string folder)
    {
        var frames = Path.Combine(folder, "rgbd-frames");
        if (!Directory.Exists(frames)) throw new DirectoryNotFoundException("no rgbd-frames folder in " + folder);
        _stems = Directory.GetFiles(frames, "*.pose.txt").Select(p => p[..^".pose.txt".Length]).Order(StringComparer.Ordinal).ToArray();
        if (_stems.Length < 3) throw new InvalidDataException("need at least 3 frames in " + frames);
        T_world_cam = _stems.Select(s => ReadPose(s + ".pose.txt")).ToArray();
        var kFile = Path.Combine(folder, "camera-intrinsics.txt");
        var k = File.Exists(kFile) ? ReadNumbers(kFile) : [585, 0, 320, 0, 585, 240, 0, 0, 1];
        var probe = PngReader.Read(_stems[0] + ".color.png");
        Camera = new Intrinsics(k[0], k[4], k[2], k[5], probe.Width, probe.Height);
    }

    /// <summary>Camera-to-world pose of every frame.</summary>
    public Pose3[] T_world_cam { get; }

    /// <summary>Intrinsics at the native image size.</summary>
    public Intrinsics Camera { get; }

    /// <summary>Number of frames.</summary>
    public int Count => _stems.Length;

    /// <summary>Frame <paramref name="i"/> as a model sample at <paramref name="width"/> x <paramref name="height"/>, or null when fewer than two views qualify.</summary>
    public ViewTriplet? Triplet(int i, int width, int height, double minBaselineM)
    {
        if (!ViewSelection.TryPickTwoNearest(T_world_cam, i, 0, Count - 1, minBaselineM, out int s1, out int s2)) return null;
        var k = Camera.ScaleTo(width, height);
        var depthPng = PngReader.Read(_stems[i] + ".depth.png");
        var depthM = depthPng.Samples16.Select(mm => mm / 1000f).ToArray();
        float[] Rel(int s)
        {
            var m = new float[16];
            Pose3.Relative(T_world_cam[s], T_world_cam[i]).ToMatrix4x4(m.AsSpan());
            return m;
        }
        return new ViewTriplet(Colour(i, width, height), Colour(s1, width, height), Colour(s2, width, height),
            ImageResize.Nearest(depthM, depthPng.Width, depthPng.Height, width, height), new byte[width * height], new float[3 * width * height],
            k.K(), k.InverseK(), Rel(s1), Rel(s2), height, width);
    }

    private float[] Colour(int i, int width, int height)
    {
        var png = PngReader.Read(_stems[i] + ".color.png");
        if (png.Channels < 3) throw new InvalidDataException("colour image is not RGB: " + _stems[i]);
        return ImageResize.AreaRgbToPlanar(png.Samples8, png.Width, png.Height, png.Channels, width, height);
    }

    private static Pose3 ReadPose(string path)
    {
        var v = ReadNumbers(path);
        if (v.Length < 16) throw new InvalidDataException("pose file needs 16 numbers: " + path);
        return Pose3.FromMatrix4x4(v.AsSpan(0, 16));
    }

    private static double[] ReadNumbers(string path) =>
        File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}
