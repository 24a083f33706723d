using CvM.Geometry;
using CvM.Inference;
using CvM.Node.Conversion;
using CvM.Pipeline;

namespace CvM.Node.Parameters;

/// <summary>Maps the node's parameters onto <see cref="PipelineOptions"/> and finds the model file.</summary>
public static class PipelineOptionsFactory
{
    /// <summary>The pipeline options for <paramref name="p"/> in <paramref name="mode"/>.</summary>
    public static PipelineOptions Create(NodeParameters p, PipelineMode mode)
    {
        ArgumentNullException.ThrowIfNull(p);
        var t = p.MountingTranslation;
        var q = p.MountingRotationXyzw;
        return new PipelineOptions
        {
            Mode = mode,
            ModelPath = ResolveModelPath(p.ModelPath),
            Inference = new InferenceOptions
            {
                Device = InferenceOptions.ParseDevice(p.Device),
                IntraOpThreads = p.Threads,
                SpinWait = p.SpinWait,
                Outputs = OutputTopics.Kinds(p),
            },
            Keyframes = p.Keyframes,
            Poses = new PoseSourceOptions
            {
                Mode = p.PoseSource switch
                {
                    PoseSourceKind.Odom => PoseSourceMode.Odometry,
                    PoseSourceKind.Tf => PoseSourceMode.Tf,
                    _ => PoseSourceMode.None,
                },
                WorldFrame = p.WorldFrame,
                BaseFrame = p.BaseFrame,
                MountingFromTf = p.MountingFromTfStatic,
                T_base_cam = new Pose3(UnitQuaternion.FromXyzw(q[0], q[1], q[2], q[3]), new Vector3d(t[0], t[1], t[2])),
            },
            QueueCapacity = p.QueueCapacity,
            MaxRateHz = p.MaxRateHz,
        };
    }

    /// <summary>
    /// An absolute path as given; a relative one from the working directory when it exists there, else from the
    /// folders above the executable (the repository or the installed package's share folder), else as given (the
    /// model check then reports it missing).
    /// </summary>
    public static string ResolveModelPath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, path), Path.Combine(dir.FullName, "share", "cvm_perception", path) })
                if (File.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(path);
    }
}
