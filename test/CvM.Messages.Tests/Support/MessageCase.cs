using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.RmwDdsCommon;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;

namespace CvM.Messages.Tests.Support;

/// <summary>A message type under test: how to make random values, encode and decode them.</summary>
internal sealed record MessageCase(
    string Name,
    string RosType,
    GidSize GidSize,
    Func<RandomMessages, object> Generate,
    Func<object, byte[]> Encode,
    Func<byte[], object> Decode)
{
    public override string ToString() => Name;

    private static MessageCase Of<T>(Func<RandomMessages, T> generate) where T : IRosMessage<T> =>
        new(T.RosType, T.RosType, GidSize.Jazzy, r => generate(r)!, m => CdrCodec.SerializeToArray((T)m),
            b => CdrCodec.Deserialize<T>(b)!);

    /// <summary>Every message type of CvM.Messages, with both gid layouts for ros_discovery_info.</summary>
    public static IReadOnlyList<MessageCase> All { get; } =
    [
        Of(r => r.Time()),
        Of(r => r.Duration()),
        Of(r => r.Header()),
        Of(r => r.Vector3()),
        Of(r => r.Point()),
        Of(r => r.Quaternion()),
        Of(r => r.Pose()),
        Of(r => r.PoseWithCovariance()),
        Of(r => r.Twist()),
        Of(r => r.TwistWithCovariance()),
        Of(r => r.Transform()),
        Of(r => r.TransformStamped()),
        Of(r => r.Odometry()),
        Of(r => r.TFMessage()),
        Of(r => r.RegionOfInterest()),
        Of(r => r.CameraInfo()),
        Of(r => r.Image()),
        Of(r => r.CompressedImage()),
        Of(r => r.KeyValue()),
        Of(r => r.DiagnosticStatus()),
        Of(r => r.DiagnosticArray()),
        Of(r => r.Gid(GidSize.Jazzy)),
        Of(r => r.NodeEntitiesInfo(GidSize.Jazzy)),
        Of(r => r.ParticipantEntitiesInfo(GidSize.Jazzy)),
        new("rmw_dds_common/msg/ParticipantEntitiesInfo (humble)", "rmw_dds_common/msg/ParticipantEntitiesInfo",
            GidSize.Humble, r => r.ParticipantEntitiesInfo(GidSize.Humble),
            m => ((ParticipantEntitiesInfo)m).SerializeToArray(GidSize.Humble),
            b => ParticipantEntitiesInfo.Deserialize(b, GidSize.Humble)),
    ];
}
