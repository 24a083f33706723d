namespace CvM.Inference;

/// <summary>One tensor of a model signature as the manifest states it (name, static shape, dtype such as <c>float32</c>).</summary>
public sealed record ManifestTensor
{
    /// <summary>Tensor name in the ONNX graph.</summary>
    public required string Name { get; init; }

    /// <summary>Static shape (batch first).</summary>
    public required long[] Shape { get; init; }

    /// <summary>Element type: <c>float32</c>, <c>float16</c>, <c>int64</c>, ...</summary>
    public required string Dtype { get; init; }

    /// <summary>Free-text description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Number of elements.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The shape as <c>[1,3,128,160]</c>.</summary>
    public string ShapeText => "[" + string.Join(",", Shape) + "]";
}
