using CvM.Geometry;
using Xunit.Abstractions;

namespace CvM.Synthetic.Tests;

/// <summary>Rendered normals against depth gradients, labels against the geometry of the primitive hit.</summary>
public sealed class NormalAndLabelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Normals_PlanarInteriors_AgreeWithDepthGradient(int seed)
    {
        var scene = SceneGenerator.Create(seed);
        var path = CameraPath.Handheld(scene, seed, 30);
        var k = TestFrames.K160;
        var fb = new FrameBuffers(k.Width, k.Height);
        var planar = new List<double>();
        var all = new List<double>();
        foreach (var frame in new[] { 0, 15, 29 })
        {
            var T = path.PoseAt(frame);
            scene.Render(T, k, fb, frame);
            for (var v = 1; v < k.Height - 1; v++)
                for (var u = 1; u < k.Width - 1; u++)
                {
                    var i = v * k.Width + u;
                    var id = fb.PrimitiveIdsHW[i];
                    int[] nb = [i - 1, i + 1, i - k.Width, i + k.Width];
                    if (nb.Any(n => fb.PrimitiveIdsHW[n] != id)) continue;
                    var l = TestFrames.BackProject(k, u - 1, v, fb.DepthHW[i - 1]);
                    var r = TestFrames.BackProject(k, u + 1, v, fb.DepthHW[i + 1]);
                    var t = TestFrames.BackProject(k, u, v - 1, fb.DepthHW[i - k.Width]);
                    var b = TestFrames.BackProject(k, u, v + 1, fb.DepthHW[i + k.Width]);
                    var du = new Vector3d(r.X - l.X, r.Y - l.Y, r.Z - l.Z);
                    var dv = new Vector3d(b.X - t.X, b.Y - t.Y, b.Z - t.Z);
                    var n = Vector3d.Cross(du, dv).Normalized();
                    var p = TestFrames.BackProject(k, u, v, fb.DepthHW[i]);
                    if (n.X * p.X + n.Y * p.Y + n.Z * p.Z > 0) n = -n; // face the camera
                    var rendered = new Vector3d(fb.NormalsHW3[i * 3], fb.NormalsHW3[i * 3 + 1], fb.NormalsHW3[i * 3 + 2]);
                    Assert.Equal(1.0, rendered.Length, 4);
                    var angle = Math.Acos(Math.Clamp(Vector3d.Dot(n, rendered), -1, 1)) * 180 / Math.PI;
                    all.Add(angle);
                    var sameFace = nb.All(m => Math.Abs(fb.NormalsHW3[m * 3] - rendered.X) < 1e-5
                        && Math.Abs(fb.NormalsHW3[m * 3 + 1] - rendered.Y) < 1e-5 && Math.Abs(fb.NormalsHW3[m * 3 + 2] - rendered.Z) < 1e-5);
                    if (sameFace) planar.Add(angle);
                }
        }
        var medPlanar = TestFrames.Median(planar);
        var p95Planar = TestFrames.Percentile(planar, 0.95);
        var medAll = TestFrames.Median(all);
        output.WriteLine($"seed {seed}: planar interior pixels {planar.Count}, median {medPlanar:F4} deg, p95 {p95Planar:F3} deg; all interior {all.Count}, median {medAll:F3} deg");
        Assert.True(planar.Count > k.Width * k.Height, "too few planar interior pixels");
        Assert.True(medPlanar < 0.5, $"median angle {medPlanar} deg");
        Assert.True(p95Planar < 3, $"p95 angle {p95Planar} deg");
        Assert.True(medAll < 1, $"median angle over all interiors {medAll} deg");
    }

    /// <summary>Labels allowed at world point p by the surfaces of the primitives it lies on (independent SDFs).</summary>
    private static List<(int Id, SemanticClass Label)> SurfacesAt(Scene scene, (double X, double Y, double Z) p, double eps)
    {
        var hits = new List<(int, SemanticClass)>();
        for (var id = 0; id < scene.Primitives.Count; id++)
        {
            var q = scene.Primitives[id];
            double dx = p.X - q.Center.X, dy = p.Y - q.Center.Y, dz = p.Z - q.Center.Z;
            var h = q.HalfExtents;
            switch (q.Kind)
            {
                case PrimitiveKind.RoomShell:
                case PrimitiveKind.Recess:
                    {
                        var inside = Math.Abs(dx) <= h.X + eps && Math.Abs(dy) <= h.Y + eps && Math.Abs(dz) <= h.Z + eps;
                        if (!inside) break;
                        var size = scene.RoomSize;
                        if (q.Kind == PrimitiveKind.RoomShell)
                        {
                            if (Math.Abs(p.Z) < eps) hits.Add((id, SemanticClass.Floor));
                            if (Math.Abs(p.Z - size.Z) < eps) hits.Add((id, SemanticClass.Ceiling));
                            if (Math.Abs(p.X) < eps || Math.Abs(p.X - size.X) < eps || Math.Abs(p.Y) < eps || Math.Abs(p.Y - size.Y) < eps)
                                hits.Add((id, SemanticClass.Wall));
                        }
                        else
                        {
                            var onX = Math.Abs(Math.Abs(dx) - h.X) < eps;
                            var onY = Math.Abs(Math.Abs(dy) - h.Y) < eps;
                            var onZ = Math.Abs(Math.Abs(dz) - h.Z) < eps;
                            // The back face lies outside the room; every other face of the recess is wall.
                            var back = (onX && (p.X < -eps || p.X > size.X + eps)) || (onY && (p.Y < -eps || p.Y > size.Y + eps));
                            if (back) hits.Add((id, q.Label));
                            else if (onX || onY || onZ) hits.Add((id, SemanticClass.Wall));
                        }
                        break;
                    }
                case PrimitiveKind.Box:
                    {
                        var lx = q.CosYaw * dx + q.SinYaw * dy;
                        var ly = -q.SinYaw * dx + q.CosYaw * dy;
                        double ex = Math.Abs(lx) - h.X, ey = Math.Abs(ly) - h.Y, ez = Math.Abs(dz) - h.Z;
                        var outside = Math.Sqrt(Math.Pow(Math.Max(ex, 0), 2) + Math.Pow(Math.Max(ey, 0), 2) + Math.Pow(Math.Max(ez, 0), 2));
                        var sdf = outside + Math.Min(Math.Max(ex, Math.Max(ey, ez)), 0);
                        if (Math.Abs(sdf) < eps) hits.Add((id, q.Label));
                        break;
                    }
                case PrimitiveKind.Cylinder:
                    {
                        var er = Math.Sqrt(dx * dx + dy * dy) - h.X;
                        var ez = Math.Abs(dz) - h.Z;
                        var sdf = Math.Sqrt(Math.Pow(Math.Max(er, 0), 2) + Math.Pow(Math.Max(ez, 0), 2)) + Math.Min(Math.Max(er, ez), 0);
                        if (Math.Abs(sdf) < eps) hits.Add((id, q.Label));
                        break;
                    }
                default:
                    if (Math.Abs(Math.Sqrt(dx * dx + dy * dy + dz * dz) - h.X) < eps) hits.Add((id, q.Label));
                    break;
            }
        }
        return hits;
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    public void Labels_EveryPixel_ComeFromThePrimitiveSurfaceHit(int seed)
    {
        var scene = SceneGenerator.Create(seed);
        var path = CameraPath.Handheld(scene, seed, 20);
        var k = TestFrames.K160;
        var fb = new FrameBuffers(k.Width, k.Height);
        int total = 0, labelOk = 0, idOk = 0;
        var seen = new HashSet<SemanticClass>();
        foreach (var frame in new[] { 0, 19 })
        {
            var T = path.PoseAt(frame);
            scene.Render(T, k, fb, frame);
            for (var v = 0; v < k.Height; v++)
                for (var u = 0; u < k.Width; u++)
                {
                    var i = v * k.Width + u;
                    Assert.True(fb.DepthHW[i] > 0, "a closed room leaves no pixel without a hit");
                    var p = TestFrames.CamToWorld(T, TestFrames.BackProject(k, u, v, fb.DepthHW[i]));
                    var surfaces = SurfacesAt(scene, p, 2e-3);
                    var label = (SemanticClass)fb.LabelsHW[i];
                    seen.Add(label);
                    total++;
                    if (surfaces.Any(s => s.Label == label)) labelOk++;
                    if (surfaces.Any(s => s.Id == fb.PrimitiveIdsHW[i] && s.Label == label)) idOk++;
                }
        }
        output.WriteLine($"seed {seed}: {labelOk}/{total} labels match a surface at the hit point, {idOk} also by primitive id; classes {string.Join(",", seen.Order())}");
        Assert.True(labelOk >= total * 0.999, $"{total - labelOk} of {total} labels disagree with the surface hit");
        Assert.True(idOk >= total * 0.999, $"{total - idOk} of {total} primitive ids disagree with the surface hit");
        Assert.Contains(SemanticClass.Wall, seen);
        Assert.Contains(SemanticClass.Floor, seen);
    }

    [Fact]
    public void Generator_ManySeeds_ProducesAllThirteenClasses()
    {
        var counts = new long[14];
        var k = Intrinsics.FromHorizontalFov(80 * Math.PI / 180, 64, 48);
        var fb = new FrameBuffers(k.Width, k.Height);
        for (var seed = 100; seed < 140; seed++)
        {
            var scene = SceneGenerator.Create(seed);
            var path = CameraPath.Handheld(scene, seed, 60);
            for (var f = 0; f < 60; f += 6)
            {
                scene.Render(path.PoseAt(f), k, fb, f);
                foreach (var l in fb.LabelsHW) counts[l]++;
            }
        }
        output.WriteLine(string.Join(" ", counts.Select((c, i) => $"{(SemanticClass)i}:{c}")));
        Assert.Equal(0, counts[0]);
        for (var c = 1; c <= 13; c++) Assert.True(counts[c] > 0, $"class {(SemanticClass)c} never rendered");
    }
}
