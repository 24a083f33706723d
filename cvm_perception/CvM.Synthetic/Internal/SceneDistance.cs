using CvM.Geometry;

namespace CvM.Synthetic.Internal;

/// <summary>Signed distances to the scene's primitives (double precision), for camera path planning.</summary>
internal static class SceneDistance
{
    public static double Clearance(IReadOnlyList<Primitive> prims, Vector3d p)
    {
        var best = double.PositiveInfinity;
        for (var i = 0; i < prims.Count; i++)
        {
            var q = prims[i];
            var d = q.Kind switch
            {
                PrimitiveKind.RoomShell => InsideShell(q, p),
                PrimitiveKind.Box => Box(q, p),
                PrimitiveKind.Cylinder => Cylinder(q, p),
                PrimitiveKind.Sphere => (p - q.Center).Length - q.HalfExtents.X,
                _ => double.PositiveInfinity, // recesses lie behind the walls
            };
            if (d < best) best = d;
        }
        return best;
    }

    private static double InsideShell(Primitive q, Vector3d p)
    {
        var r = p - q.Center;
        var h = q.HalfExtents;
        return Math.Min(Math.Min(h.X - Math.Abs(r.X), h.Y - Math.Abs(r.Y)), h.Z - Math.Abs(r.Z));
    }

    private static double Box(Primitive q, Vector3d p)
    {
        var r = p - q.Center;
        var lx = q.CosYaw * r.X + q.SinYaw * r.Y;
        var ly = -q.SinYaw * r.X + q.CosYaw * r.Y;
        var dx = Math.Abs(lx) - q.HalfExtents.X;
        var dy = Math.Abs(ly) - q.HalfExtents.Y;
        var dz = Math.Abs(r.Z) - q.HalfExtents.Z;
        var outside = new Vector3d(Math.Max(dx, 0), Math.Max(dy, 0), Math.Max(dz, 0)).Length;
        return outside + Math.Min(Math.Max(dx, Math.Max(dy, dz)), 0);
    }

    private static double Cylinder(Primitive q, Vector3d p)
    {
        var r = p - q.Center;
        var dr = Math.Sqrt(r.X * r.X + r.Y * r.Y) - q.HalfExtents.X;
        var dz = Math.Abs(r.Z) - q.HalfExtents.Z;
        var outside = Math.Sqrt(Math.Max(dr, 0) * Math.Max(dr, 0) + Math.Max(dz, 0) * Math.Max(dz, 0));
        return outside + Math.Min(Math.Max(dr, dz), 0);
    }
}
