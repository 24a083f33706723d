using CvM.Geometry;

namespace CvM.Synthetic;

/// <summary>
/// One analytic primitive of a <see cref="Scene"/>, in world coordinates (metres, z up, floor at z = 0).
/// Boxes are rotated about z by the yaw whose cosine and sine are given; every other kind is axis-aligned.
/// The label of a <see cref="PrimitiveKind.RoomShell"/> depends on the face (floor, ceiling, wall).
/// </summary>
public readonly record struct Primitive(
    PrimitiveKind Kind,
    Vector3d Center,
    Vector3d HalfExtents,
    double CosYaw,
    double SinYaw,
    SemanticClass Label);
