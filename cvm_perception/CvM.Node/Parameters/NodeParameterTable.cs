using System.Globalization;
using CvM.Keyframes;
using CvM.Ros.Parameters;

namespace CvM.Node.Parameters;

/// <summary>
/// The table of every node parameter (name, type, range, description, binding to <see cref="NodeParameters"/>).
/// Defaults live in the record's initialisers; the keyframe parameters (<c>keyframes.*</c>) come from
/// <see cref="KeyframeOptions.Parameters"/>, where their defaults are derived.
/// </summary>
public static class NodeParameterTable
{
    private static readonly string[] Reliabilities = ["best_effort", "reliable"];

    /// <summary>All parameters, in the order of <c>config/cvm_perception.yaml</c>.</summary>
    public static IReadOnlyList<NodeParameterDescriptor> All { get; } = [.. Own(), .. KeyframeOptions.Parameters.Select(Keyframe)];

    /// <summary>The descriptor named <paramref name="name"/>, or null.</summary>
    public static NodeParameterDescriptor? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static NodeParameterDescriptor[] Own() =>
    [
        Str("image_topic", "input images (sensor_msgs/Image; rgb8, bgr8, rgba8, bgra8, mono8, mono16); remappable", p => p.ImageTopic, (p, v) => p with { ImageTopic = Topic("image_topic", v) }),
        Str("camera_info_topic", "camera calibration (sensor_msgs/CameraInfo) of the images", p => p.CameraInfoTopic, (p, v) => p with { CameraInfoTopic = Topic("camera_info_topic", v) }),
        Str("odom_topic", "odometry (nav_msgs/Odometry) used when pose_source is odom", p => p.OdomTopic, (p, v) => p with { OdomTopic = Topic("odom_topic", v) }),
        Choice("pose_source", ["odom", "tf", "none"], "camera poses from odometry (+ mounting), from TF (world_frame to the image frame), or none (every frame duplicated)",
            p => p.PoseSource.ToString().ToLowerInvariant(), (p, v) => p with { PoseSource = Enum.Parse<PoseSourceKind>(v, ignoreCase: true) }),
        Str("tf_topic", "dynamic transforms (tf2_msgs/TFMessage)", p => p.TfTopic, (p, v) => p with { TfTopic = Topic("tf_topic", v) }),
        Str("tf_static_topic", "static transforms, read transient-local", p => p.TfStaticTopic, (p, v) => p with { TfStaticTopic = Topic("tf_static_topic", v) }),
        Str("world_frame", "fixed frame of the poses (odometry header frame, or the TF root looked up)", p => p.WorldFrame, (p, v) => p with { WorldFrame = NonEmpty("world_frame", v) }),
        Str("base_frame", "robot frame odometry tracks; empty = the odometry's child_frame_id", p => p.BaseFrame, (p, v) => p with { BaseFrame = v }),
        Choice("qos.image.reliability", Reliabilities, "image subscription reliability (best_effort also matches reliable publishers)", p => p.ImageReliability, (p, v) => p with { ImageReliability = v }),
        Int("qos.image.depth", 1, 100, "image subscription KEEP_LAST depth", p => p.ImageQueueDepth, (p, v) => p with { ImageQueueDepth = (int)v }),
        Choice("qos.camera_info.reliability", Reliabilities, "camera_info subscription reliability", p => p.CameraInfoReliability, (p, v) => p with { CameraInfoReliability = v }),
        Choice("qos.odom.reliability", Reliabilities, "odometry subscription reliability", p => p.OdomReliability, (p, v) => p with { OdomReliability = v }),
        Int("qos.odom.depth", 1, 1000, "odometry subscription KEEP_LAST depth", p => p.OdomQueueDepth, (p, v) => p with { OdomQueueDepth = (int)v }),
        Choice("qos.outputs.reliability", Reliabilities, "reliability of every output publisher", p => p.OutputReliability, (p, v) => p with { OutputReliability = v }),
        Int("qos.outputs.depth", 1, 100, "KEEP_LAST depth of every output publisher", p => p.OutputQueueDepth, (p, v) => p with { OutputQueueDepth = (int)v }),
        Str("model_path", "exported CvM model (.onnx) with its manifest (.json) beside it; relative paths from the working directory, then the package", p => p.ModelPath, (p, v) => p with { ModelPath = NonEmpty("model_path", v) }),
        Choice("device", ["auto", "cuda", "cpu"], "execution provider: auto = CUDA when it loads, else CPU (reported in /diagnostics)", p => p.Device, (p, v) => p with { Device = v }),
        Int("threads", 0, 256, "ONNX Runtime intra-op threads (0 = ONNX Runtime's default)", p => p.Threads, (p, v) => p with { Threads = (int)v }),
        Bool("spin_wait", "ONNX Runtime worker threads spin while waiting for work (lower latency on an idle machine, slower on a loaded one)", p => p.SpinWait, (p, v) => p with { SpinWait = v }),
        Dbl("max_rate_hz", 0, 1000, "process at most this many frames per second (0 = as fast as they come)", p => p.MaxRateHz, (p, v) => p with { MaxRateHz = v }),
        Int("queue_capacity", 1, 64, "capacity of each bounded channel between stages (live: oldest dropped when full)", p => p.QueueCapacity, (p, v) => p with { QueueCapacity = (int)v }),
        Bool("outputs.depth", "publish ~/depth (32FC1 m, NaN invalid) and ~/depth/camera_info", p => p.PublishDepth, (p, v) => p with { PublishDepth = v }),
        Bool("outputs.semantics", "publish ~/semantics (mono8 class ids)", p => p.PublishSemantics, (p, v) => p with { PublishSemantics = v }),
        Bool("outputs.semantics_color", "publish ~/semantics/color (rgb8)", p => p.PublishSemanticsColor, (p, v) => p with { PublishSemanticsColor = v }),
        Bool("outputs.normals", "publish ~/normals (32FC3, camera optical frame)", p => p.PublishNormals, (p, v) => p with { PublishNormals = v }),
        Bool("outputs.normals_color", "publish ~/normals/color (rgb8)", p => p.PublishNormalsColor, (p, v) => p with { PublishNormalsColor = v }),
        Dbl("diagnostics_period_s", 0.05, 60, "period of /diagnostics (s)", p => p.DiagnosticsPeriodS, (p, v) => p with { DiagnosticsPeriodS = v }),
        Bool("camera_mounting.from_tf_static", "take T_base_cam from /tf_static (base_frame to the image frame) when published", p => p.MountingFromTfStatic, (p, v) => p with { MountingFromTfStatic = v }),
        Vec("camera_mounting.translation", 3, "T_base_cam translation x, y, z (m), used without /tf_static", p => p.MountingTranslation, (p, v) => p with { MountingTranslation = v }),
        Vec("camera_mounting.rotation_xyzw", 4, "T_base_cam rotation quaternion x, y, z, w (non-zero; normalised)", p => p.MountingRotationXyzw, (p, v) => p with { MountingRotationXyzw = Quaternion(v) }),
        Str("distro", "ROS 2 distribution for graph conventions (humble: 24-byte gids; iron and later: 16); empty = ROS_DISTRO, else jazzy", p => p.Distro, (p, v) => p with { Distro = Distro(v) }),
    ];

    private static NodeParameterDescriptor Keyframe(KeyframeParameter k)
    {
        var isCount = k.Unit == "count";
        var name = "keyframes." + k.Name;
        var range = string.Create(CultureInfo.InvariantCulture, $"{k.Min}..{k.Max} {k.Unit}");
        return new NodeParameterDescriptor(name, isCount ? ParameterType.Integer : ParameterType.Double, range, k.Description,
            p => isCount ? ParameterValue.FromInteger((long)k.Read(p.Keyframes)) : ParameterValue.FromDouble(k.Read(p.Keyframes)),
            (p, v) =>
            {
                double x = v.Type switch
                {
                    ParameterType.Integer => v.AsInteger(),
                    ParameterType.Double when !isCount => v.AsDouble(),
                    _ => throw TypeError(name, isCount ? "an integer" : "a number", v),
                };
                if (!(x >= k.Min && x <= k.Max)) throw new NodeParameterException(name, string.Create(CultureInfo.InvariantCulture, $"{x} is outside {range}"));
                return p with { Keyframes = SetKeyframe(p.Keyframes, k.Name, x) };
            });
    }

    private static KeyframeOptions SetKeyframe(KeyframeOptions o, string name, double x) => name switch
    {
        "pose_history_capacity" => o with { PoseHistoryCapacity = (int)x },
        "pose_tolerance" => o with { PoseToleranceS = x },
        "pose_wait" => o with { PoseWaitS = x },
        "max_interpolation_gap" => o with { MaxInterpolationGapS = x },
        "quaternion_norm_tolerance" => o with { QuaternionNormTolerance = x },
        "clock_jump_back_reset" => o with { ClockJumpBackResetS = x },
        "max_tf_frames" => o with { MaxTfFrames = (int)x },
        "camera_info_tolerance" => o with { CameraInfoToleranceS = x },
        "keyframe_capacity" => o with { KeyframeCapacity = (int)x },
        "keyframe_min_translation" => o with { KeyframeMinTranslationM = x },
        "keyframe_min_rotation" => o with { KeyframeMinRotationDeg = x },
        "min_baseline" => o with { MinBaselineM = x },
        "max_view_angle" => o with { MaxViewAngleDeg = x },
        "max_keyframe_age" => o with { MaxKeyframeAgeS = x },
        _ => throw new NodeParameterException("keyframes." + name, "no setter for this keyframe parameter"),
    };

    private static NodeParameterDescriptor Str(string name, string desc, Func<NodeParameters, string> get, Func<NodeParameters, string, NodeParameters> set) =>
        new(name, ParameterType.String, "any string", desc, p => ParameterValue.FromString(get(p)),
            (p, v) => set(p, v.Type == ParameterType.String ? v.AsString() : throw TypeError(name, "a string", v)));

    private static NodeParameterDescriptor Choice(string name, string[] choices, string desc, Func<NodeParameters, string> get, Func<NodeParameters, string, NodeParameters> set) =>
        new(name, ParameterType.String, string.Join(" | ", choices), desc, p => ParameterValue.FromString(get(p)), (p, v) =>
        {
            if (v.Type != ParameterType.String) throw TypeError(name, "a string", v);
            var s = v.AsString().Trim().ToLowerInvariant();
            if (!choices.Contains(s)) throw new NodeParameterException(name, $"'{v.AsString()}' is not one of {string.Join(", ", choices)}");
            return set(p, s);
        });

    private static NodeParameterDescriptor Int(string name, long min, long max, string desc, Func<NodeParameters, long> get, Func<NodeParameters, long, NodeParameters> set) =>
        new(name, ParameterType.Integer, $"{min}..{max}", desc, p => ParameterValue.FromInteger(get(p)), (p, v) =>
        {
            if (v.Type != ParameterType.Integer) throw TypeError(name, "an integer", v);
            var x = v.AsInteger();
            if (x < min || x > max) throw new NodeParameterException(name, $"{x} is outside {min}..{max}");
            return set(p, x);
        });

    private static NodeParameterDescriptor Dbl(string name, double min, double max, string desc, Func<NodeParameters, double> get, Func<NodeParameters, double, NodeParameters> set) =>
        new(name, ParameterType.Double, $"{min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}", desc,
            p => ParameterValue.FromDouble(get(p)), (p, v) =>
            {
                // An integer literal (1) is accepted for a double parameter.
                var x = v.Type switch
                {
                    ParameterType.Double => v.AsDouble(),
                    ParameterType.Integer => v.AsInteger(),
                    _ => throw TypeError(name, "a number", v),
                };
                if (!(x >= min && x <= max)) throw new NodeParameterException(name, $"{x.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
                return set(p, x);
            });

    private static NodeParameterDescriptor Bool(string name, string desc, Func<NodeParameters, bool> get, Func<NodeParameters, bool, NodeParameters> set) =>
        new(name, ParameterType.Bool, "true | false", desc, p => ParameterValue.FromBool(get(p)),
            (p, v) => set(p, v.Type == ParameterType.Bool ? v.AsBool() : throw TypeError(name, "a bool", v)));

    private static NodeParameterDescriptor Vec(string name, int length, string desc, Func<NodeParameters, IReadOnlyList<double>> get,
        Func<NodeParameters, IReadOnlyList<double>, NodeParameters> set) =>
        new(name, ParameterType.DoubleArray, $"{length} finite numbers", desc, p => ParameterValue.FromDoubleArray(get(p).ToArray()), (p, v) =>
        {
            double[] values = v.Type switch
            {
                ParameterType.DoubleArray => v.AsDoubleArray().ToArray(),
                ParameterType.IntegerArray => v.AsIntegerArray().Select(i => (double)i).ToArray(),
                _ => throw TypeError(name, $"an array of {length} numbers", v),
            };
            if (values.Length != length) throw new NodeParameterException(name, $"needs {length} values, got {values.Length}");
            if (!values.All(double.IsFinite)) throw new NodeParameterException(name, "values must be finite");
            return set(p, values);
        });

    private static string Topic(string name, string value)
    {
        try
        {
            CvM.Ros.Names.RosNames.ExpandTopicName(value, "n", "/");
        }
        catch (CvM.Ros.Names.RosNameException e)
        {
            throw new NodeParameterException(name, $"'{value}' is not a valid topic name ({e.Message})");
        }
        return value;
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new NodeParameterException(name, "must not be empty") : value;

    private static IReadOnlyList<double> Quaternion(IReadOnlyList<double> xyzw) =>
        xyzw.Sum(x => x * x) > 1e-12 ? xyzw : throw new NodeParameterException("camera_mounting.rotation_xyzw", "quaternion must be non-zero");

    private static string Distro(string value)
    {
        if (value.Length > 0 && !CvM.Ros.Graph.RosDistro.TryParse(value, out _))
            throw new NodeParameterException("distro", $"'{value}' is not a ROS 2 distribution");
        return value;
    }

    private static NodeParameterException TypeError(string name, string expected, ParameterValue v) =>
        new(name, $"expected {expected}, got {v.Type} {v}");
}
