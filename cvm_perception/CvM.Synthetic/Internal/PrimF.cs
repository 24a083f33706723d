namespace CvM.Synthetic.Internal;

/// <summary>Single-precision copy of a <see cref="Primitive"/> for the ray caster, with its material index.</summary>
internal readonly record struct PrimF(
    PrimitiveKind Kind,
    float Cx, float Cy, float Cz,
    float Hx, float Hy, float Hz,
    float Cos, float Sin,
    SemanticClass Label,
    int Material);

/// <summary>A group of consecutive primitives with their world AABB (for culling).</summary>
internal readonly record struct PrimGroup(
    float MinX, float MinY, float MinZ,
    float MaxX, float MaxY, float MaxZ,
    int First, int Count);
