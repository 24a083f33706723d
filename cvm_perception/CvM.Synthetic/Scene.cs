using CvM.Geometry;
using CvM.Synthetic.Internal;

namespace CvM.Synthetic;

/// <summary>
/// A generated indoor room (world frame: z up, floor at z = 0, the room spans [0, L] x [0, W] x [0, H]).
/// Immutable after <see cref="SceneGenerator.Create"/>; <see cref="Render"/> may run concurrently from several
/// threads as long as each uses its own <see cref="FrameBuffers"/>.
/// </summary>
public sealed class Scene
{
    private readonly SceneData _data;
    private readonly Primitive[] _primitives;

    internal Scene(int seed, SceneOptions options, Vector3d roomSize, Primitive[] primitives, SceneData data)
    {
        Seed = seed;
        Options = options;
        RoomSize = roomSize;
        _primitives = primitives;
        _data = data;
    }

    /// <summary>The seed the scene was generated from.</summary>
    public int Seed { get; }

    /// <summary>The options the scene was generated with.</summary>
    public SceneOptions Options { get; }

    /// <summary>Room extent (length along x, width along y, height along z), metres.</summary>
    public Vector3d RoomSize { get; }

    /// <summary>All primitives; index 0 is the room shell. Pixel primitive ids index this list.</summary>
    public IReadOnlyList<Primitive> Primitives => _primitives;

    /// <summary>
    /// Renders the view of a camera at <paramref name="T_world_cam"/> (optical frame) with intrinsics
    /// <paramref name="k"/> into caller-owned <paramref name="into"/> (same size as <paramref name="k"/>).
    /// <paramref name="noiseSeed"/> selects the sensor-noise pattern (use the frame index). With
    /// <paramref name="maxDegreeOfParallelism"/> &gt; 1 rows are split over threads (the output bytes do not
    /// depend on it; the parallel path allocates a little for task scheduling, the serial path nothing).
    /// </summary>
    public void Render(Pose3 T_world_cam, Intrinsics k, FrameBuffers into, int noiseSeed = 0, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(into);
        if (k.Width != into.Width || k.Height != into.Height)
            throw new ArgumentException($"buffers are {into.Width}x{into.Height} but intrinsics are {k.Width}x{k.Height}", nameof(into));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        Span<double> r = stackalloc double[9];
        T_world_cam.Rotation.Normalized().ToRotationMatrix(r);
        var o = T_world_cam.Translation;
        var f = new FrameParams(
            (float)r[0], (float)r[1], (float)r[2], (float)r[3], (float)r[4], (float)r[5], (float)r[6], (float)r[7], (float)r[8],
            (float)o.X, (float)o.Y, (float)o.Z, (float)k.Fx, (float)k.Fy, (float)k.Cx, (float)k.Cy, k.Width, k.Height,
            (uint)noiseSeed);
        ComputeGroupRects(f, into);
        if (maxDegreeOfParallelism == 1 || k.Height < 8)
        {
            Renderer.RenderRows(_data, f, into, 0, k.Height);
            return;
        }
        RenderParallel(_data, f, into, maxDegreeOfParallelism);
    }

    /// <summary>Row bands over threads; in its own method so the serial path allocates no closure.</summary>
    private static void RenderParallel(SceneData data, FrameParams f, FrameBuffers into, int maxDegreeOfParallelism)
    {
        var bands = Math.Min(f.Height, maxDegreeOfParallelism * 4);
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, b =>
            Renderer.RenderRows(data, f, into, b * f.Height / bands, (b + 1) * f.Height / bands));
    }

    /// <summary>
    /// Distance (metres) from <paramref name="p_world"/> to the nearest surface of the room or of any object;
    /// negative when the point is inside an object or outside the room. Used to keep cameras in free space.
    /// </summary>
    public double Clearance(Vector3d p_world) => SceneDistance.Clearance(_primitives, p_world);

    /// <summary>Conservative screen rectangle [u0, u1] x [v0, v1] of each group for this frame (empty: u0 &gt; u1).</summary>
    private void ComputeGroupRects(in FrameParams f, FrameBuffers fb)
    {
        var groups = _data.Groups;
        if (fb.GroupRects.Length < groups.Length * 4) fb.GroupRects = new int[groups.Length * 4];
        var rects = fb.GroupRects;
        for (var g = 0; g < groups.Length; g++)
        {
            var grp = groups[g];
            float u0 = float.MaxValue, u1 = float.MinValue, v0 = float.MaxValue, v1 = float.MinValue;
            var behind = 0;
            var straddle = false;
            for (var c = 0; c < 8; c++)
            {
                var wx = ((c & 1) == 0 ? grp.MinX : grp.MaxX) - f.Ox;
                var wy = ((c & 2) == 0 ? grp.MinY : grp.MaxY) - f.Oy;
                var wz = ((c & 4) == 0 ? grp.MinZ : grp.MaxZ) - f.Oz;
                var x = f.R00 * wx + f.R10 * wy + f.R20 * wz;
                var y = f.R01 * wx + f.R11 * wy + f.R21 * wz;
                var z = f.R02 * wx + f.R12 * wy + f.R22 * wz;
                if (z <= 0) behind++;
                if (z <= RayCast.Near) { straddle = true; continue; }
                var u = f.Fx * x / z + f.Cx;
                var v = f.Fy * y / z + f.Cy;
                u0 = MathF.Min(u0, u); u1 = MathF.Max(u1, u);
                v0 = MathF.Min(v0, v); v1 = MathF.Max(v1, v);
            }
            if (behind == 8)
            {
                rects[g * 4] = 1; rects[g * 4 + 1] = 0; rects[g * 4 + 2] = 1; rects[g * 4 + 3] = 0;
            }
            else if (straddle)
            {
                rects[g * 4] = 0; rects[g * 4 + 1] = f.Width - 1; rects[g * 4 + 2] = 0; rects[g * 4 + 3] = f.Height - 1;
            }
            else
            {
                rects[g * 4] = (int)MathF.Max(-1f, MathF.Floor(u0) - 1);
                rects[g * 4 + 1] = (int)MathF.Min(f.Width, MathF.Ceiling(u1) + 1);
                rects[g * 4 + 2] = (int)MathF.Max(-1f, MathF.Floor(v0) - 1);
                rects[g * 4 + 3] = (int)MathF.Min(f.Height, MathF.Ceiling(v1) + 1);
            }
        }
    }
}
