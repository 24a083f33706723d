using CvM.Geometry;
using CvM.Synthetic;

namespace CvM.Training.Data;

/// <summary>
/// Samples from CvM.Synthetic's procedural rooms. Sample <c>i</c> is one room (seed from <see cref="SceneSplit"/>:
/// training or held-out scenes), one camera path (handheld or wheeled robot, by <see cref="SyntheticSourceOptions.RobotShare"/>),
/// a reference frame on it and the two nearest earlier frames with at least the minimum baseline
/// (<see cref="ViewSelection"/>, as the node picks keyframes), all rendered at the model input size. Deterministic by
/// data seed and index; thread-safe (each call renders into its own buffers and allocates the returned sample).
/// </summary>
public sealed class SyntheticTripletSource : ITripletSource
{
    private readonly int _dataSeed, _width, _height;
    private readonly bool _heldOut;
    private readonly SyntheticSourceOptions _o;

    /// <summary>Creates the source; <paramref name="heldOut"/> selects the evaluation scenes instead of the training ones.</summary>
    public SyntheticTripletSource(int dataSeed, int width, int height, bool heldOut = false, SyntheticSourceOptions? options = null)
    {
        _o = options ?? new SyntheticSourceOptions();
        _o.Validate();
        (_dataSeed, _width, _height, _heldOut) = (dataSeed, width, height, heldOut);
    }

    /// <summary>The scene seed sample <paramref name="index"/> is drawn from.</summary>
    public int SceneSeedOf(long index) => _heldOut ? SceneSplit.EvalSceneSeed(_dataSeed, index) : SceneSplit.TrainSceneSeed(_dataSeed, index);

    /// <inheritdoc />
    public ViewTriplet Get(long index)
    {
        int sceneSeed = SceneSeedOf(index);
        var rng = new Random(SeedMix.Seed(sceneSeed, index, 0x70617468));
        var scene = SceneGenerator.Create(sceneSeed);
        var pathOptions = new CameraPathOptions { Speed = _o.SpeedMin + rng.NextDouble() * (_o.SpeedMax - _o.SpeedMin) };
        bool robot = rng.NextDouble() < _o.RobotShare;
        var path = robot ? CameraPath.Robot(scene, sceneSeed, _o.PathFrames, pathOptions) : CameraPath.Handheld(scene, sceneSeed, _o.PathFrames, pathOptions);
        var poses = new Pose3[path.Count];
        for (int i = 0; i < poses.Length; i++) poses[i] = path.PoseAt(i);
        // Scale augmentation (its own random stream, so every other draw stays as without it): metric poses for the
        // view selection and the relative poses, rendering in the generator's units.
        double scale = _o.SceneScaleMax > 1
            ? Math.Exp((2 * new Random(SeedMix.Seed(sceneSeed, index, 0x7363616C)).NextDouble() - 1) * Math.Log(_o.SceneScaleMax))
            : 1.0;
        var metricPoses = new Pose3[poses.Length];
        for (int i = 0; i < poses.Length; i++) metricPoses[i] = new Pose3(poses[i].Rotation, poses[i].Translation * scale);

        // Reference frame: a random frame with a full keyframe window behind it, retried until two sources qualify;
        // when none does (e.g. a robot turning in place) the sample is duplicated, as the node would do.
        int refIndex = -1, s1 = -1, s2 = -1;
        for (int attempt = 0; attempt < 8 && s2 < 0; attempt++)
        {
            refIndex = _o.KeyframeWindow + rng.Next(poses.Length - _o.KeyframeWindow);
            ViewSelection.TryPickTwoNearest(metricPoses, refIndex, refIndex - _o.KeyframeWindow, refIndex - 1, _o.MinBaselineM, out s1, out s2);
        }
        if (s2 < 0) s1 = s2 = refIndex;
        double hfov = (_o.HfovMinDeg + rng.NextDouble() * (_o.HfovMaxDeg - _o.HfovMinDeg)) * Math.PI / 180;
        var k = Intrinsics.FromHorizontalFov(hfov, _width, _height);
        var fb = new FrameBuffers(_width, _height);
        var refView = Render(scene, poses[refIndex], k, fb, refIndex, withTruth: true);
        var src1 = s1 == refIndex ? refView : Render(scene, poses[s1], k, fb, s1, withTruth: false);
        var src2 = s2 == refIndex ? refView : Render(scene, poses[s2], k, fb, s2, withTruth: false);
        if (scale != 1.0)
        {
            var depth = refView.Depth!;
            for (int i = 0; i < depth.Length; i++) depth[i] = (float)(depth[i] * scale);
        }
        return new ViewTriplet(refView.Rgb, src1.Rgb, src2.Rgb, refView.Depth!, refView.Labels!, refView.Normals!, k.K(), k.InverseK(),
            RelativeMatrix(metricPoses[s1], metricPoses[refIndex]), RelativeMatrix(metricPoses[s2], metricPoses[refIndex]), _height, _width);
    }

    /// <summary>Row-major 4x4 <c>T_src_ref = inverse(T_world_src) * T_world_ref</c>.</summary>
    private static float[] RelativeMatrix(Pose3 T_world_src, Pose3 T_world_ref)
    {
        var m = new float[16];
        Pose3.Relative(T_world_src, T_world_ref).ToMatrix4x4(m.AsSpan());
        return m;
    }

    private static (float[] Rgb, float[]? Depth, byte[]? Labels, float[]? Normals) Render(Scene scene, Pose3 T_world_cam, Intrinsics k,
        FrameBuffers fb, int frame, bool withTruth)
    {
        scene.Render(T_world_cam, k, fb, noiseSeed: frame);
        int n = fb.Width * fb.Height;
        var rgb = new float[3 * n];
        for (int i = 0; i < n; i++)
            for (int ch = 0; ch < 3; ch++) rgb[ch * n + i] = fb.RgbHW3[3 * i + ch] / 255f;
        if (!withTruth) return (rgb, null, null, null);
        var normals = new float[3 * n];
        for (int i = 0; i < n; i++)
            for (int ch = 0; ch < 3; ch++) normals[ch * n + i] = fb.NormalsHW3[3 * i + ch];
        return (rgb, (float[])fb.DepthHW.Clone(), (byte[])fb.LabelsHW.Clone(), normals);
    }
}
