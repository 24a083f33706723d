using System.Runtime.CompilerServices;

namespace CvM.Synthetic.Internal;

/// <summary>
/// Ray / primitive intersections in single precision. A ray is o + t d with d = R (x, y, 1) for a camera ray,
/// so t is the z-depth. Each method returns the smallest t in (<see cref="Near"/>, best) or
/// <see cref="float.PositiveInfinity"/>, and the face hit (code per kind, see <see cref="Renderer"/>).
/// </summary>
internal static class RayCast
{
    public const float Near = 0.01f;

    /// <summary>Exit of a ray from an axis-aligned box seen from inside (room shell, recess).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float InsideOut(in PrimF p, float ox, float oy, float oz, float dx, float dy, float dz, out int face)
    {
        var t = float.PositiveInfinity;
        face = -1;
        if (dx != 0)
        {
            var side = dx > 0 ? 1 : 0;
            var tx = (p.Cx + (dx > 0 ? p.Hx : -p.Hx) - ox) / dx;
            if (tx < t) { t = tx; face = side; }
        }
        if (dy != 0)
        {
            var side = dy > 0 ? 3 : 2;
            var ty = (p.Cy + (dy > 0 ? p.Hy : -p.Hy) - oy) / dy;
            if (ty < t) { t = ty; face = side; }
        }
        if (dz != 0)
        {
            var side = dz > 0 ? 5 : 4;
            var tz = (p.Cz + (dz > 0 ? p.Hz : -p.Hz) - oz) / dz;
            if (tz < t) { t = tz; face = side; }
        }
        return t > Near ? t : float.PositiveInfinity;
    }

    /// <summary>True when (x, y, z) lies inside the primitive's axis-aligned extent grown by <paramref name="eps"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InsideAabb(in PrimF p, float x, float y, float z, float eps) =>
        MathF.Abs(x - p.Cx) <= p.Hx + eps && MathF.Abs(y - p.Cy) <= p.Hy + eps && MathF.Abs(z - p.Cz) <= p.Hz + eps;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Box(in PrimF p, float ox, float oy, float oz, float dx, float dy, float dz, float best, out int face)
    {
        face = -1;
        var rx = ox - p.Cx;
        var ry = oy - p.Cy;
        var lox = p.Cos * rx + p.Sin * ry;
        var loy = -p.Sin * rx + p.Cos * ry;
        var loz = oz - p.Cz;
        var ldx = p.Cos * dx + p.Sin * dy;
        var ldy = -p.Sin * dx + p.Cos * dy;
        var ldz = dz;
        var tmin = Near;
        var tmax = best;
        var f = -1;
        if (!Slab(lox, ldx, p.Hx, 0, ref tmin, ref tmax, ref f)) return float.PositiveInfinity;
        if (!Slab(loy, ldy, p.Hy, 2, ref tmin, ref tmax, ref f)) return float.PositiveInfinity;
        if (!Slab(loz, ldz, p.Hz, 4, ref tmin, ref tmax, ref f)) return float.PositiveInfinity;
        if (f < 0) return float.PositiveInfinity; // origin inside the box
        face = f;
        return tmin;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Slab(float o, float d, float h, int faceBase, ref float tmin, ref float tmax, ref int face)
    {
        if (d == 0) return o >= -h && o <= h;
        var inv = 1f / d;
        float t0, t1;
        int f0;
        if (d > 0)
        {
            t0 = (-h - o) * inv;
            t1 = (h - o) * inv;
            f0 = faceBase;       // entering through the negative face
        }
        else
        {
            t0 = (h - o) * inv;
            t1 = (-h - o) * inv;
            f0 = faceBase + 1;   // entering through the positive face
        }
        if (t0 > tmin) { tmin = t0; face = f0; }
        if (t1 < tmax) tmax = t1;
        return tmin <= tmax;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Cylinder(in PrimF p, float ox, float oy, float oz, float dx, float dy, float dz, float best, out int face)
    {
        face = -1;
        var lox = ox - p.Cx;
        var loy = oy - p.Cy;
        var loz = oz - p.Cz;
        var r = p.Hx;
        var h = p.Hz;
        var t = best;
        var a = dx * dx + dy * dy;
        if (a > 0)
        {
            var b = lox * dx + loy * dy;
            var c = lox * lox + loy * loy - r * r;
            var disc = b * b - a * c;
            if (disc >= 0)
            {
                var ts = (-b - MathF.Sqrt(disc)) / a;
                if (ts > Near && ts < t)
                {
                    var z = loz + ts * dz;
                    if (z >= -h && z <= h) { t = ts; face = 0; }
                }
            }
        }
        if (dz != 0)
        {
            var capTop = dz < 0; // a ray going down meets the top cap first
            var tc = ((capTop ? h : -h) - loz) / dz;
            if (tc > Near && tc < t)
            {
                var x = lox + tc * dx;
                var y = loy + tc * dy;
                if (x * x + y * y <= r * r) { t = tc; face = capTop ? 1 : 2; }
            }
        }
        return face >= 0 ? t : float.PositiveInfinity;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sphere(in PrimF p, float ox, float oy, float oz, float dx, float dy, float dz, float best, out int face)
    {
        face = -1;
        var lox = ox - p.Cx;
        var loy = oy - p.Cy;
        var loz = oz - p.Cz;
        var a = dx * dx + dy * dy + dz * dz;
        var b = lox * dx + loy * dy + loz * dz;
        var c = lox * lox + loy * loy + loz * loz - p.Hx * p.Hx;
        var disc = b * b - a * c;
        if (disc < 0) return float.PositiveInfinity;
        var t = (-b - MathF.Sqrt(disc)) / a;
        if (t <= Near || t >= best) return float.PositiveInfinity;
        face = 0;
        return t;
    }
}
