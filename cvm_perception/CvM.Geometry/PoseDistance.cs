namespace CvM.Geometry;

/// <summary>
/// Distance between two camera-to-world poses: the distance between the camera centres (metres) and the
/// angle of the relative rotation (radians, in [0, pi]).
/// </summary>
public readonly record struct PoseDistance(double CentreDistanceMeters, double RotationAngleRadians)
{
    /// <summary>Distance between <paramref name="T_world_a"/> and <paramref name="T_world_b"/>.</summary>
    public static PoseDistance Between(Pose3 T_world_a, Pose3 T_world_b) => new(
        Vector3d.Distance(T_world_a.Translation, T_world_b.Translation),
        UnitQuaternion.AngleBetween(T_world_a.Rotation, T_world_b.Rotation));
}
