using CvM.Messages.SensorMsgs;
using CvM.Node.Conversion;
using CvM.Node.Parameters;
using CvM.Pipeline;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;

namespace CvM.Node.Live;

/// <summary>
/// Publishes each result on the enabled output topics (raw CDR through one <see cref="DdsWriter"/> per topic, created
/// on the node and owned here). Called on the pipeline's output stage; allocates nothing per frame.
/// </summary>
public sealed class RosOutputSink : IPerceptionSink, IOutputWriter, IDisposable
{
    private readonly DdsWriter?[] _writers;
    private readonly OutputEncoder _encoder;

    /// <summary>Creates the writers on <paramref name="node"/> with the output QoS of <paramref name="p"/>.</summary>
    public RosOutputSink(RosNode node, NodeParameters p)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(p);
        var qos = new QosProfile(ParseReliability(p.OutputReliability), DurabilityKind.Volatile, HistoryKind.KeepLast, p.OutputQueueDepth);
        var image = DdsTypeSupport.For<Image>();
        var info = DdsTypeSupport.For<CameraInfo>();
        _writers = new DdsWriter?[OutputTopics.All.Count];
        try
        {
            foreach (var t in OutputTopics.All.Where(t => OutputTopics.Enabled(t, p)))
                _writers[(int)t] = node.CreateWriter(OutputTopics.Name(t), t == OutputTopic.DepthCameraInfo ? info : image, qos);
        }
        catch
        {
            Dispose();
            throw;
        }
        _encoder = new OutputEncoder(t => _writers[(int)t] is not null);
    }

    /// <summary>The writer of <paramref name="topic"/>, or null when disabled.</summary>
    public DdsWriter? Writer(OutputTopic topic) => _writers[(int)topic];

    /// <inheritdoc />
    public void Write(PerceptionResult result) => _encoder.Encode(result, this);

    void IOutputWriter.Write(OutputTopic topic, ReadOnlySpan<byte> cdr, long stampNs) => _writers[(int)topic]?.WriteRaw(cdr);

    /// <summary>Parses best_effort / reliable.</summary>
    public static ReliabilityKind ParseReliability(string s) => s == "reliable" ? ReliabilityKind.Reliable : ReliabilityKind.BestEffort;

    /// <summary>Disposes the writers.</summary>
    public void Dispose()
    {
        foreach (var w in _writers) w?.Dispose();
        _encoder?.Dispose();
    }
}
