using BenchmarkDotNet.Attributes;
using CvM.Geometry;
using CvM.Synthetic;

namespace CvM.Benchmarks;

/// <summary>
/// Frames per second of the synthetic room renderer (RGB + depth + labels + normals per frame) on one core
/// (Threads = 1) and with rows split over two threads. fps = 1 / Mean. Cycles through 16 poses of a handheld
/// path in 4 scenes so the timing covers varied views.
/// Run: <c>dotnet run -c Release --project bench/CvM.Benchmarks -- --filter '*SyntheticRender*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SyntheticRenderBenchmarks
{
    private Scene[] _scenes = [];
    private Pose3[][] _poses = [];
    private Intrinsics _k = null!;
    private FrameBuffers _fb = null!;
    private int _i;

    [Params("160x128", "320x240")]
    public string Resolution { get; set; } = "160x128";

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Resolution.Split('x');
        int w = int.Parse(parts[0]), h = int.Parse(parts[1]);
        _k = Intrinsics.FromHorizontalFov(70 * Math.PI / 180, w, h);
        _fb = new FrameBuffers(w, h);
        _scenes = new Scene[4];
        _poses = new Pose3[4][];
        for (var s = 0; s < 4; s++)
        {
            _scenes[s] = SceneGenerator.Create(1000 + s);
            var path = CameraPath.Handheld(_scenes[s], 1000 + s, 160);
            _poses[s] = Enumerable.Range(0, 4).Select(i => path.PoseAt(i * 40)).ToArray();
        }
    }

    [Benchmark]
    public float RenderFrame()
    {
        var i = _i++ & 15;
        _scenes[i >> 2].Render(_poses[i >> 2][i & 3], _k, _fb, i, Threads);
        return _fb.DepthHW[0];
    }
}
