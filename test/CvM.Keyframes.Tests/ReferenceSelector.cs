using CvM.Geometry;
using CvM.Keyframes.Selection;

namespace CvM.Keyframes.Tests;

/// <summary>
/// An independent, allocation-happy statement of the selection rule (LINQ over all keyframes, distances and angles
/// computed from rotation matrices), used as ground truth against <see cref="ViewSelector"/>.
/// </summary>
internal static class ReferenceSelector
{
    public static long[] SelectIds<T>(KeyframeBuffer<T> buffer, long stampNs, Pose3 T_world_cam, KeyframeOptions o)
    {
        var c = T_world_cam.Translation;
        return Enumerable.Range(0, buffer.Count)
            .Select(i => buffer[i])
            .Where(k => stampNs - k.StampNs >= 0 && stampNs - k.StampNs <= o.MaxKeyframeAgeS * 1e9)
            .Select(k => (k, d: Math.Sqrt(Math.Pow(k.T_world_cam.Translation.X - c.X, 2) + Math.Pow(k.T_world_cam.Translation.Y - c.Y, 2)
                                          + Math.Pow(k.T_world_cam.Translation.Z - c.Z, 2)),
                          angle: TestPoses.AngleBetween(k.T_world_cam.Rotation, T_world_cam.Rotation)))
            .Where(x => x.d >= o.MinBaselineM && x.angle <= o.MaxViewAngleDeg * Math.PI / 180)
            .OrderBy(x => x.d).ThenBy(x => x.k.StampNs).ThenBy(x => x.k.Id)
            .Take(2)
            .Select(x => x.k.Id)
            .ToArray();
    }
}
