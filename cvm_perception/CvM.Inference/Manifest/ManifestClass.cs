using System.Text.Json.Serialization;

namespace CvM.Inference;

/// <summary>A semantic class: id (logit index), name and display colour (R, G, B).</summary>
public sealed record ManifestClass
{
    /// <summary>Class id = channel of <c>semantic_logits</c>.</summary>
    public required int Id { get; init; }

    /// <summary>Class name.</summary>
    public required string Name { get; init; }

    /// <summary>Display colour, 3 bytes R, G, B (JSON: an array of 3 numbers, or base64 of 3 bytes as the training tool writes it).</summary>
    [JsonConverter(typeof(RgbJsonConverter))]
    public required byte[] Rgb { get; init; }
}
