using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>
/// A pose with uncertainty (<c>geometry_msgs/msg/PoseWithCovariance</c>). <see cref="Covariance"/> is a row-major 6x6 matrix (36 values); the message owns
/// its array.
/// </summary>
public sealed class PoseWithCovariance : IRosMessage<PoseWithCovariance>
{
    /// <summary>Number of covariance values (6x6).</summary>
    public const int CovarianceLength = 36;

    /// <summary>Creates a zero mean with a zero covariance.</summary>
    public PoseWithCovariance()
    {
        Covariance = new double[CovarianceLength];
    }

    /// <summary>Creates the message over <paramref name="covariance"/> (taken, not copied).</summary>
    public PoseWithCovariance(Pose pose, double[] covariance)
    {
        Pose = pose;
        Covariance = covariance;
    }

    /// <summary>The mean.</summary>
    public Pose Pose { get; set; }

    /// <summary>Row-major 6x6 covariance (x, y, z, rotation about X, Y, Z); exactly 36 values.</summary>
    public double[] Covariance { get; set; }

    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/PoseWithCovariance";

    /// <inheritdoc />
    public static PoseWithCovariance Read(ref CdrReader reader)
    {
        var value = Pose.Read(ref reader);
        var covariance = new double[CovarianceLength];
        reader.ReadDoubles(covariance);
        return new PoseWithCovariance(value, covariance);
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Pose.Write(ref writer);
        writer.WriteFixedDoubles(Covariance, CovarianceLength, "covariance");
    }
}
