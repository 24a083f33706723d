using CvM.Keyframes.Selection;
using CvM.Pipeline.Frames;

namespace CvM.Pipeline.Tests;

/// <summary>A sink that copies what the tests check out of each result.</summary>
internal sealed class CollectingSink : IPerceptionSink
{
    private readonly Lock _gate = new();

    public List<Collected> Results { get; } = [];

    public void Write(PerceptionResult result)
    {
        var o = result.Outputs!;
        var c = new Collected(result.Header, result.Selection, result.Source1StampNs, result.Source2StampNs,
            o.DepthMeters.ToArray(), o.SemanticIds.ToArray(), o.NormalsXyz.ToArray(), o.Width, o.Height);
        lock (_gate) Results.Add(c);
    }
}

internal sealed record Collected(FrameHeader Header, ViewSelection Selection, long Source1StampNs, long Source2StampNs,
    float[] DepthM, byte[] Labels, float[] Normals, int Width, int Height);
