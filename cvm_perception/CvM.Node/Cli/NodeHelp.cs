using System.Text;
using CvM.Node.Parameters;

namespace CvM.Node.Cli;

/// <summary>The text of <c>node --help</c>, generated from the parameter table.</summary>
public static class NodeHelp
{
    /// <summary>The help text.</summary>
    public static string Text()
    {
        var sb = new StringBuilder("""
            usage: cvm_perception node [--ros-args [-r __node:=NAME] [-r __ns:=/NS] [-r image:=/cam/image]
                                       [--params-file FILE.yaml] [-p NAME:=VALUE] ...]
              The live ROS 2 node (Cyclone DDS; ROS_DOMAIN_ID). Subscribes image (sensor data QoS by default),
              camera_info, odom (pose_source odom) and /tf, /tf_static; publishes ~/depth (32FC1 m, NaN invalid),
              ~/depth/camera_info, ~/semantics (mono8), ~/semantics/color (rgb8), ~/normals (32FC3),
              ~/normals/color (rgb8) stamped with the input image's header, and /diagnostics once per
              diagnostics_period_s. Stages are joined by bounded channels that drop the oldest frame (counted)
              so the newest is served; DDS callbacks never wait for inference. SIGINT/SIGTERM stop it cleanly
              (an ignored SIGINT inherited from the parent is set back to its default first).
              An unknown parameter or a value out of range is a start-up error (exit 1).
            parameters (name, type, range: description; default):

            """);
        foreach (var d in NodeParameterTable.All)
            sb.Append(FormattableString.Invariant($"  {d.Name} ({d.Type}, {d.Range}): {d.Description}; default {d.Default}\n"));
        return sb.ToString();
    }
}
