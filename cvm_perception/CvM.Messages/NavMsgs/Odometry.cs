using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.NavMsgs;

/// <summary>
/// An estimate of pose and velocity (<c>nav_msgs/msg/Odometry</c>): the pose of <see cref="ChildFrameId"/>
/// in <c>Header.FrameId</c> (so <c>T_header_child</c>), the twist in the child frame. The message owns its
/// covariance arrays.
/// </summary>
public sealed class Odometry : IRosMessage<Odometry>
{
    /// <summary>Creates an odometry message at the origin with zero covariances.</summary>
    public Odometry()
    {
        Pose = new PoseWithCovariance();
        Twist = new TwistWithCovariance();
    }

    /// <summary>Creates an odometry message over the given parts (taken, not copied).</summary>
    public Odometry(Header header, string childFrameId, PoseWithCovariance pose, TwistWithCovariance twist)
    {
        Header = header;
        ChildFrameId = childFrameId;
        Pose = pose;
        Twist = twist;
    }

    /// <summary>Stamp and the frame of the pose.</summary>
    public Header Header { get; set; }

    /// <summary>The frame the pose points to; the twist is expressed in it.</summary>
    public string ChildFrameId { get; set; } = string.Empty;

    /// <summary>Pose of the child frame in the header frame, with covariance.</summary>
    public PoseWithCovariance Pose { get; set; }

    /// <summary>Velocity in the child frame, with covariance.</summary>
    public TwistWithCovariance Twist { get; set; }

    /// <inheritdoc />
    public static string RosType => "nav_msgs/msg/Odometry";

    /// <inheritdoc />
    public static Odometry Read(ref CdrReader reader)
    {
        var header = Header.Read(ref reader);
        var childFrameId = reader.ReadStringInterned();
        var pose = PoseWithCovariance.Read(ref reader);
        return new Odometry(header, childFrameId, pose, TwistWithCovariance.Read(ref reader));
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Header.Write(ref writer);
        writer.WriteString(ChildFrameId);
        Pose.Write(ref writer);
        Twist.Write(ref writer);
    }

    /// <summary>
    /// Hot-path decode of a whole payload without allocating: the header and child frame id (interned) and the pose
    /// (<c>pose.pose</c>, parent = header frame); the covariances and the twist are read and checked as
    /// <see cref="Read"/> checks them, then dropped. A malformed payload throws <see cref="CdrException"/>.
    /// </summary>
    public static Header DecodePose(ReadOnlySpan<byte> payload, out string childFrameId, out GeometryMsgs.Pose pose)
    {
        var reader = new CdrReader(payload);
        var header = Header.Read(ref reader);
        var child = reader.ReadStringInterned();
        var p = GeometryMsgs.Pose.Read(ref reader);
        Span<double> covariance = stackalloc double[36];
        reader.ReadDoubles(covariance);
        GeometryMsgs.Twist.Read(ref reader);
        reader.ReadDoubles(covariance);
        (childFrameId, pose) = (child, p);
        return header;
    }
}
