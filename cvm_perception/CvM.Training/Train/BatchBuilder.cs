using CvM.Training.Data;
using static TorchSharp.torch;

namespace CvM.Training.Train;

/// <summary>A training batch as tensors; the batch owns (and disposes) them.</summary>
public sealed class Batch : IDisposable
{
    public required Tensor Ref { get; init; }
    public required Tensor Src1 { get; init; }
    public required Tensor Src2 { get; init; }
    public required Tensor K { get; init; }
    public required Tensor InvK { get; init; }
    public required Tensor T1 { get; init; }
    public required Tensor T2 { get; init; }
    public required Tensor DepthRange { get; init; }
    public required Tensor DepthGt { get; init; }
    public required Tensor LabelsGt { get; init; }
    public required Tensor NormalsGt { get; init; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in new[] { Ref, Src1, Src2, K, InvK, T1, T2, DepthRange, DepthGt, LabelsGt, NormalsGt }) t.Dispose();
    }
}

/// <summary>Stacks <see cref="ViewTriplet"/>s into a <see cref="Batch"/>, duplicating the reference where asked.</summary>
public static class BatchBuilder
{
    private static readonly float[] Identity4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

    /// <summary>Builds the batch; <paramref name="duplicate"/>[i] replaces sample i's sources by its reference.</summary>
    public static Batch Build(IReadOnlyList<ViewTriplet> samples, IReadOnlyList<bool> duplicate, float depthMin, float depthMax)
    {
        int b = samples.Count, h = samples[0].Height, w = samples[0].Width;
        Tensor Stack(Func<int, float[]> pick, params long[] shape) =>
            tensor(Enumerable.Range(0, b).SelectMany(pick).ToArray()).reshape([b, .. shape]);
        return new Batch
        {
            Ref = Stack(i => samples[i].RefRgb, 3, h, w),
            Src1 = Stack(i => duplicate[i] ? samples[i].RefRgb : samples[i].Src1Rgb, 3, h, w),
            Src2 = Stack(i => duplicate[i] ? samples[i].RefRgb : samples[i].Src2Rgb, 3, h, w),
            K = Stack(i => samples[i].K, 3, 3),
            InvK = Stack(i => samples[i].InvK, 3, 3),
            T1 = Stack(i => duplicate[i] ? Identity4 : samples[i].T_src1_ref, 4, 4),
            T2 = Stack(i => duplicate[i] ? Identity4 : samples[i].T_src2_ref, 4, 4),
            DepthRange = Stack(_ => [depthMin, depthMax], 2),
            DepthGt = Stack(i => samples[i].RefDepth, 1, h, w),
            LabelsGt = tensor(samples.SelectMany(s => s.RefLabels.Select(l => (long)l)).ToArray()).reshape(b, h, w),
            NormalsGt = Stack(i => samples[i].RefNormals, 3, h, w),
        };
    }
}
