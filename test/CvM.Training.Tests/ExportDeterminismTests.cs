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
        await using var stress = new CollectionsStress();
        for (int i = 0; i < 60; i++)
        {
            var again = CvmOnnxExporter.ExportFeatures(net);
            Assert.True(again.AsSpan().SequenceEqual(first), $"export {i + 2} differs from the first");
        }
    }
}
