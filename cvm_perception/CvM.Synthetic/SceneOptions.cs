namespace CvM.Synthetic;

/// <summary>
/// Parameters of the procedural room generator, with defaults for NYU-like indoor rooms. Validate with
/// <see cref="Validate"/> (done by <see cref="SceneGenerator.Create"/>): out-of-range values throw
/// <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed record SceneOptions
{
    /// <summary>Room extent along world x, metres: [min, max] (3..12).</summary>
    public double RoomLengthMin { get; init; } = 3.5;

    /// <inheritdoc cref="RoomLengthMin"/>
    public double RoomLengthMax { get; init; } = 7.0;

    /// <summary>Room extent along world y, metres: [min, max] (3..12).</summary>
    public double RoomWidthMin { get; init; } = 3.0;

    /// <inheritdoc cref="RoomWidthMin"/>
    public double RoomWidthMax { get; init; } = 6.0;

    /// <summary>Ceiling height, metres: [min, max] (2.2..4).</summary>
    public double RoomHeightMin { get; init; } = 2.4;

    /// <inheritdoc cref="RoomHeightMin"/>
    public double RoomHeightMax { get; init; } = 3.0;

    /// <summary>Number of floor furniture pieces tried (bed, sofa, table set, shelf, cabinet, objects): 0..16.</summary>
    public int FurnitureCount { get; init; } = 7;

    /// <summary>Most windows (recessed rectangles on walls): 0..4.</summary>
    public int MaxWindows { get; init; } = 2;

    /// <summary>Most pictures / wall panels: 0..6.</summary>
    public int MaxPictures { get; init; } = 3;

    /// <summary>Standard deviation of the RGB sensor noise, in 8-bit units: 0..20.</summary>
    public double RgbNoiseStd { get; init; } = 2.0;

    /// <summary>Ambient light level: [min, max] within 0..1.</summary>
    public double AmbientMin { get; init; } = 0.25;

    /// <inheritdoc cref="AmbientMin"/>
    public double AmbientMax { get; init; } = 0.45;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of its range.</summary>
    public void Validate()
    {
        Range(RoomLengthMin, RoomLengthMax, 3, 12, nameof(RoomLengthMin));
        Range(RoomWidthMin, RoomWidthMax, 3, 12, nameof(RoomWidthMin));
        Range(RoomHeightMin, RoomHeightMax, 2.2, 4, nameof(RoomHeightMin));
        Range(AmbientMin, AmbientMax, 0, 1, nameof(AmbientMin));
        if (FurnitureCount is < 0 or > 16) throw new ArgumentOutOfRangeException(nameof(FurnitureCount), FurnitureCount, "0..16");
        if (MaxWindows is < 0 or > 4) throw new ArgumentOutOfRangeException(nameof(MaxWindows), MaxWindows, "0..4");
        if (MaxPictures is < 0 or > 6) throw new ArgumentOutOfRangeException(nameof(MaxPictures), MaxPictures, "0..6");
        if (!(RgbNoiseStd >= 0 && RgbNoiseStd <= 20)) throw new ArgumentOutOfRangeException(nameof(RgbNoiseStd), RgbNoiseStd, "0..20");
    }

    private static void Range(double min, double max, double lo, double hi, string name)
    {
        if (!(min >= lo && max <= hi && min <= max))
            throw new ArgumentOutOfRangeException(name, $"[{min}, {max}] must lie within [{lo}, {hi}] with min <= max");
    }
}
