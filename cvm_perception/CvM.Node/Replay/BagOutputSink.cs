using CvM.Bags.Mcap;
using CvM.Node.Conversion;
using CvM.Node.Demo;
using CvM.Pipeline;
using CvM.Ros.Names;

namespace CvM.Node.Replay;

/// <summary>
/// Writes every output topic of each result into an MCAP bag (topics expanded for the node, e.g.
/// <c>/cvm_perception/depth</c>; log time = the input image's stamp), a PNG preview (depth | semantics | normals) of
/// every <c>previewEvery</c>-th frame, and a frame log. Owns the writer (dispose to finish the bag). Called on the
/// pipeline's output stage.
/// </summary>
public sealed class BagOutputSink : IPerceptionSink, IOutputWriter, IDisposable
{
    private readonly McapBagWriter _writer;
    private readonly OutputEncoder _encoder;
    private readonly string[] _names;
    private readonly string? _previewDir;
    private readonly int _previewEvery;
    private byte[] _preview = [];
    private int _frames;

    /// <summary>Creates the output bag at <paramref name="bagDirectory"/> with topics of node <paramref name="nodeName"/> in <paramref name="nodeNamespace"/>.</summary>
    public BagOutputSink(string bagDirectory, string nodeName, string nodeNamespace, Func<OutputTopic, bool> enabled, string? previewDir, int previewEvery)
    {
        _names = OutputTopics.All.Select(t => RosNames.ExpandTopicName(OutputTopics.Name(t), nodeName, nodeNamespace)).ToArray();
        _writer = McapBagWriter.Create(bagDirectory);
        foreach (var t in OutputTopics.All.Where(enabled))
            _writer.AddTopic(DemoBag.Topic(_names[(int)t], OutputTopics.RosType(t), CvM.Bags.BagQosProfile.Default));
        _encoder = new OutputEncoder(enabled);
        _previewDir = previewDir;
        _previewEvery = Math.Max(1, previewEvery);
        if (previewDir is not null) Directory.CreateDirectory(previewDir);
    }

    /// <summary>The output topic names, by <see cref="OutputTopic"/>.</summary>
    public IReadOnlyList<string> TopicNames => _names;

    /// <summary>What each frame was run with, in output order.</summary>
    public List<FrameLogEntry> Log { get; } = [];

    /// <summary>Preview files written.</summary>
    public List<string> Previews { get; } = [];

    /// <inheritdoc />
    public void Write(PerceptionResult result)
    {
        _encoder.Encode(result, this);
        var s = result.Selection;
        Log.Add(new FrameLogEntry(result.Header.StampNs, s.Mode, s.Reason, result.Source1StampNs, result.Source2StampNs,
            s.Source1DistanceM, s.Source2DistanceM, result.Timings.RunMs + result.Timings.FeaturesRunMs, result.Timings.PipelineMs));
        if (_previewDir is not null && _frames % _previewEvery == 0) WritePreview(result);
        _frames++;
    }

    void IOutputWriter.Write(OutputTopic topic, ReadOnlySpan<byte> cdr, long stampNs) => _writer.Write(_names[(int)topic], stampNs, cdr);

    private void WritePreview(PerceptionResult result)
    {
        var o = result.Outputs!;
        int w = o.Width, h = o.Height, row = 3 * w * 3;
        if (_preview.Length != row * h) _preview = new byte[row * h];
        var depthRgb = new byte[3 * w * h];
        ColorMaps.Depth(o.DepthMeters.AsSpan(0, w * h), depthRgb, 0.3f, 6f);
        for (var y = 0; y < h; y++)
        {
            depthRgb.AsSpan(y * w * 3, w * 3).CopyTo(_preview.AsSpan(y * row, w * 3));
            o.SemanticRgb.AsSpan(y * w * 3, w * 3).CopyTo(_preview.AsSpan(y * row + w * 3, w * 3));
            o.NormalsRgb.AsSpan(y * w * 3, w * 3).CopyTo(_preview.AsSpan(y * row + 2 * w * 3, w * 3));
        }
        var path = Path.Combine(_previewDir!, $"frame_{_frames:D4}_{result.Selection.Mode.ToString().ToLowerInvariant()}.png");
        File.WriteAllBytes(path, CvM.Synthetic.PngEncoder.Encode(_preview, 3 * w, h, 3));
        Previews.Add(path);
    }

    /// <summary>Finishes the bag.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _encoder.Dispose();
    }
}
