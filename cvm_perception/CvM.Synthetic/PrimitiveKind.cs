namespace CvM.Synthetic;

/// <summary>Shape of a scene <see cref="Primitive"/>.</summary>
public enum PrimitiveKind : byte
{
    /// <summary>The room: an axis-aligned box seen from inside (floor z = 0, ceiling, four walls).</summary>
    RoomShell = 0,

    /// <summary>A box rotated about the world z axis by its yaw.</summary>
    Box = 1,

    /// <summary>A capped cylinder with a vertical axis: radius HalfExtents.X, half height HalfExtents.Z.</summary>
    Cylinder = 2,

    /// <summary>A sphere of radius HalfExtents.X.</summary>
    Sphere = 3,

    /// <summary>
    /// An opening in a wall (window or door): an axis-aligned box behind the wall seen from inside through the
    /// wall; its back face (the one outside the room) carries the primitive's label, its sides are wall.
    /// </summary>
    Recess = 4,
}
