using CvM.Geometry;

namespace CvM.Synthetic.Internal;

/// <summary>
/// Collects primitives, groups and materials while a scene is generated. Order: the room shell first, then
/// the recesses, then grouped objects (<see cref="BeginGroup"/> / <see cref="EndGroup"/>).
/// </summary>
internal sealed class SceneBuilder
{
    private readonly List<Primitive> _prims = [];
    private readonly List<PrimF> _primF = [];
    private readonly List<PrimGroup> _groups = [];
    private readonly List<Material> _materials = [];
    private readonly List<int> _recessBackFace = [];
    private readonly DetRandom _rng;
    private int _groupStart = -1;
    private int[] _shellMaterials = new int[6];
    private int _recessCount;

    public SceneBuilder(DetRandom rng) => _rng = rng;

    public int Material(TextureKind kind, (double R, double G, double B) c0, (double R, double G, double B) c1, double scale)
    {
        _materials.Add(new Material(kind, (float)c0.R, (float)c0.G, (float)c0.B, (float)c1.R, (float)c1.G, (float)c1.B,
            (float)scale, (uint)_rng.NextU64()));
        return _materials.Count - 1;
    }

    public void AddShell(double length, double width, double height, int[] faceMaterials)
    {
        if (_prims.Count != 0) throw new InvalidOperationException("the shell comes first");
        Add(new Primitive(PrimitiveKind.RoomShell, new Vector3d(length / 2, width / 2, height / 2),
            new Vector3d(length / 2, width / 2, height / 2), 1, 0, SemanticClass.Wall), -1, -1);
        _shellMaterials = faceMaterials;
    }

    public void AddRecess(Vector3d min, Vector3d max, int backFace, SemanticClass label, int material)
    {
        if (_prims.Count != 1 + _recessCount) throw new InvalidOperationException("recesses come right after the shell");
        Add(new Primitive(PrimitiveKind.Recess, (min + max) / 2, (max - min) / 2, 1, 0, label), material, backFace);
        _recessCount++;
    }

    public void BeginGroup()
    {
        if (_groupStart >= 0) throw new InvalidOperationException("group already open");
        _groupStart = _prims.Count;
    }

    public void EndGroup()
    {
        if (_groupStart < 0) throw new InvalidOperationException("no open group");
        var count = _prims.Count - _groupStart;
        if (count > 0)
        {
            double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
            double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
            for (var i = _groupStart; i < _prims.Count; i++)
            {
                var p = _prims[i];
                var h = p.HalfExtents;
                double ex, ey;
                if (p.Kind == PrimitiveKind.Box)
                {
                    ex = Math.Abs(p.CosYaw) * h.X + Math.Abs(p.SinYaw) * h.Y;
                    ey = Math.Abs(p.SinYaw) * h.X + Math.Abs(p.CosYaw) * h.Y;
                }
                else
                {
                    ex = h.X;
                    ey = p.Kind == PrimitiveKind.Cylinder || p.Kind == PrimitiveKind.Sphere ? h.X : h.Y;
                }
                var ez = p.Kind == PrimitiveKind.Sphere ? h.X : h.Z;
                minX = Math.Min(minX, p.Center.X - ex); maxX = Math.Max(maxX, p.Center.X + ex);
                minY = Math.Min(minY, p.Center.Y - ey); maxY = Math.Max(maxY, p.Center.Y + ey);
                minZ = Math.Min(minZ, p.Center.Z - ez); maxZ = Math.Max(maxZ, p.Center.Z + ez);
            }
            const double pad = 1e-3;
            _groups.Add(new PrimGroup((float)(minX - pad), (float)(minY - pad), (float)(minZ - pad),
                (float)(maxX + pad), (float)(maxY + pad), (float)(maxZ + pad), _groupStart, count));
        }
        _groupStart = -1;
    }

    public void AddBox(Vector3d center, Vector3d half, double cos, double sin, SemanticClass label, int material) =>
        AddGrouped(new Primitive(PrimitiveKind.Box, center, half, cos, sin, label), material);

    public void AddCylinder(Vector3d center, double radius, double halfHeight, SemanticClass label, int material) =>
        AddGrouped(new Primitive(PrimitiveKind.Cylinder, center, new Vector3d(radius, radius, halfHeight), 1, 0, label), material);

    public void AddSphere(Vector3d center, double radius, SemanticClass label, int material) =>
        AddGrouped(new Primitive(PrimitiveKind.Sphere, center, new Vector3d(radius, radius, radius), 1, 0, label), material);

    private void AddGrouped(Primitive p, int material)
    {
        if (_groupStart < 0) throw new InvalidOperationException("objects must be added inside a group");
        Add(p, material, -1);
    }

    private void Add(Primitive p, int material, int backFace)
    {
        _prims.Add(p);
        _primF.Add(new PrimF(p.Kind, (float)p.Center.X, (float)p.Center.Y, (float)p.Center.Z,
            (float)p.HalfExtents.X, (float)p.HalfExtents.Y, (float)p.HalfExtents.Z, (float)p.CosYaw, (float)p.SinYaw,
            p.Label, material));
        _recessBackFace.Add(backFace);
    }

    public Scene Build(int seed, SceneOptions options, Light[] lights, double ambient)
    {
        if (_groupStart >= 0) throw new InvalidOperationException("group left open");
        var shell = _prims[0];
        var data = new SceneData
        {
            Prims = [.. _primF],
            Groups = [.. _groups],
            Materials = [.. _materials],
            ShellMaterials = _shellMaterials,
            RecessCount = _recessCount,
            RecessBackFace = [.. _recessBackFace],
            Lights = lights,
            Ambient = (float)ambient,
            NoiseStd = (float)options.RgbNoiseStd,
            NoiseSalt = (uint)seed * 2654435761u + 12345u,
        };
        return new Scene(seed, options, shell.HalfExtents * 2, [.. _prims], data);
    }
}
