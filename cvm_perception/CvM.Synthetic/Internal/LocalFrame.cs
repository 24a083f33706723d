using CvM.Geometry;

namespace CvM.Synthetic.Internal;

/// <summary>
/// The floor frame of one furniture piece: origin (Ox, Oy) on the floor, local x along (Cos, Sin), local y
/// along (-Sin, Cos), z up. Wall pieces have their back on the wall and local y pointing into the room.
/// </summary>
internal readonly record struct LocalFrame(double Ox, double Oy, double Cos, double Sin)
{
    public Vector3d World(double lx, double ly, double lz) => new(Ox + Cos * lx - Sin * ly, Oy + Sin * lx + Cos * ly, lz);

    /// <summary>Box given by its local min corner and max corner.</summary>
    public void Box(SceneBuilder b, double x0, double y0, double z0, double x1, double y1, double z1, SemanticClass label, int material) =>
        b.AddBox(World((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2), new Vector3d((x1 - x0) / 2, (y1 - y0) / 2, (z1 - z0) / 2),
            Cos, Sin, label, material);

    /// <summary>Vertical cylinder standing on z0 up to z1.</summary>
    public void Cylinder(SceneBuilder b, double lx, double ly, double radius, double z0, double z1, SemanticClass label, int material) =>
        b.AddCylinder(World(lx, ly, (z0 + z1) / 2), radius, (z1 - z0) / 2, label, material);

    public void Sphere(SceneBuilder b, double lx, double ly, double lz, double radius, SemanticClass label, int material) =>
        b.AddSphere(World(lx, ly, lz), radius, label, material);

    /// <summary>World AABB (x0, y0, x1, y1) of the local rectangle [x0, x1] x [y0, y1].</summary>
    public (double X0, double Y0, double X1, double Y1) Footprint(double x0, double y0, double x1, double y1)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var c = 0; c < 4; c++)
        {
            var p = World((c & 1) == 0 ? x0 : x1, (c & 2) == 0 ? y0 : y1, 0);
            minX = Math.Min(minX, p.X); maxX = Math.Max(maxX, p.X);
            minY = Math.Min(minY, p.Y); maxY = Math.Max(maxY, p.Y);
        }
        return (minX, minY, maxX, maxY);
    }
}
