using CvM.Training.Export;
using CvM.Training.Nn;
using TorchSharp;

namespace CvM.Training.Tests;

/// <summary>
/// Exports of one net are byte-identical even while collections and finalizers run all the time. Before the batch-norm
/// folding held its temporaries (<see cref="ConvBn.Folded"/>), a collection could finalize a temporary <c>Scalar</c> or
/// tensor while a native op still read it. Exports then differed now and then, and one gave an all-NaN depth in ONNX
/// Runtime.
/// </summary>
[Collection(nameof(CollectionsStressCollection))]
public sealed class ExportDeterminismTests
{
    [Fact]
    public async Task ExportFeatures_UnderConstantCollections_EveryExportIdentical()
    {
        var net = OnnxParityTests.RandomNet(OnnxParityTests.Shipped);
        var first = CvmOnnxExporter.ExportFeatures(net);
        using var stop = new CancellationTokenSource();
        // Collections and finalizers as often as they can run, beside the exports.
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        // Small native allocations beside them, which reuse whatever a finalizer freed too early (as other libtorch
        // work in the same process did when the exports differed).
        // Its Scalars are held in locals: written inline (t * 3.0) they would race the collections themselves.
        var churn = Task.Run(() =>
        {
            using var three = 3.0.ToScalar();
            using var one = 1.0.ToScalar();
            while (!stop.IsCancellationRequested)
            {
                using var scope = TorchSharp.torch.NewDisposeScope();
                for (int i = 0; i < 64; i++)
                {
                    var t = TorchSharp.torch.ones(i + 1);
                    var u = t.mul(three);
                    _ = u.add(one, one);
                }
            }
        });
        try
        {
            for (int i = 0; i < 60; i++)
            {
                var again = CvmOnnxExporter.ExportFeatures(net);
                Assert.True(again.AsSpan().SequenceEqual(first), $"export {i + 2} differs from the first");
            }
        }
        finally
        {
            stop.Cancel();
            await collector;
            await churn;
        }
    }
}
