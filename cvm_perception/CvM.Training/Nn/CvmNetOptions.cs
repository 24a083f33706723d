namespace CvM.Training.Nn;

/// <summary>Shape parameters of <see cref="CvmNet"/>. Widths are multiples of 16 (DESIGN §5 oneDNN trap).</summary>
public sealed record CvmNetOptions
{
    /// <summary>Model input height in pixels (multiple of 32).</summary>
    public int ImageHeight { get; init; } = 128;

    /// <summary>Model input width in pixels (multiple of 32).</summary>
    public int ImageWidth { get; init; } = 160;

    /// <summary>Depth planes D of the cost volume (multiple of 16).</summary>
    public int Planes { get; init; } = 32;

    /// <summary>Channels of the cross-view features (multiple of 16).</summary>
    public int Channels { get; init; } = 64;

    /// <summary>Channels of the fusion convs at 1/8 (multiple of 16).</summary>
    public int FusionChannels { get; init; } = 128;

    /// <summary>Channels of the decoder convs at 1/4 (multiple of 16).</summary>
    public int DecoderChannels { get; init; } = 64;

    /// <summary>
    /// Channels of the fine matching features at 1/4 (a 3x3 conv on the encoder's 1/4 features) whose plane-sweep cost
    /// volume feeds the decoder; 0 = off (the decoder then takes the 1/8 cost volume upsampled). Multiple of 16.
    /// </summary>
    public int FineChannels { get; init; }

    /// <summary>
    /// Global scale head: from two distributions over the depth planes at 1/4, the fine cost volume's softmax (where
    /// matching puts the depth) and the network's plane probabilities, a 3x3 conv and a 1x1 conv give per pixel a
    /// log-scale vote and a weight (no appearance features, so that the head carries over to real images); their softmax-weighted mean over the image
    /// is one log-scale <c>s</c> per sample, and the inverse depth is multiplied by <c>exp(-s)</c> (then clamped to the
    /// plane-sweep range). It lets the network take metric scale from the whole image's matching evidence rather
    /// than from what each pixel sees. Starts as the identity (last conv zero). Needs <see cref="FineChannels"/> &gt; 0.
    /// </summary>
    public bool GlobalScale { get; init; }

    /// <summary>Attention heads.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Side of the square attention windows (tokens at 1/8 resolution).</summary>
    public int Window { get; init; } = 4;

    /// <summary>Semantic logits: 13 NYUv2 classes + void (id 0).</summary>
    public const int SemanticClasses = 14;

    /// <summary>Feature-map height at 1/8.</summary>
    public int H8 => ImageHeight / 8;

    /// <summary>Feature-map width at 1/8.</summary>
    public int W8 => ImageWidth / 8;

    /// <summary>Throws when a size constraint is broken.</summary>
    public void Validate()
    {
        if (ImageHeight % 32 != 0 || ImageWidth % 32 != 0) throw new ArgumentException("image size must be a multiple of 32");
        if (Planes % 16 != 0 || Channels % 16 != 0 || FusionChannels % 16 != 0 || DecoderChannels % 16 != 0 || FusionChannels < 16 || DecoderChannels < 16
            || FineChannels < 0 || FineChannels % 16 != 0)
            throw new ArgumentException("planes and channel widths must be positive multiples of 16");
        if (GlobalScale && FineChannels == 0) throw new ArgumentException("the global scale head needs the fine cost volume (fineChannels > 0)");
        if (H8 % Window != 0 || W8 % Window != 0) throw new ArgumentException("1/8 feature map must tile into windows");
        if (Channels % Heads != 0) throw new ArgumentException("channels must divide into heads");
    }
}
