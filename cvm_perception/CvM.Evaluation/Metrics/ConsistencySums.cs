namespace CvM.Evaluation.Metrics;

/// <summary>
/// Running sums of the multi-view consistency check (see <see cref="MultiViewConsistency"/>): a plain value
/// type, added up per frame pair and over a sequence.
/// </summary>
public struct ConsistencySums
{
    /// <summary>Source pixels with a valid predicted depth (inside the range).</summary>
    public long SourcePixels;
    /// <summary>Of those, pixels that land behind the neighbour camera or outside its image.</summary>
    public long OutOfView;
    /// <summary>Of those, pixels that land on a neighbour pixel without a valid predicted depth.</summary>
    public long NoNeighbourDepth;
    /// <summary>Co-visible pixels: landed in view on a valid neighbour depth; the errors below are over them.</summary>
    public long CoVisible;
    /// <summary>Sum of |z_in_neighbour - neighbour depth| / neighbour depth over co-visible pixels.</summary>
    public double AbsRel;
    /// <summary>Co-visible pixels whose relative error is below 0.05 (5 %).</summary>
    public long Under5Percent;

    /// <summary>Adds <paramref name="other"/> into this.</summary>
    public void Add(in ConsistencySums other)
    {
        SourcePixels += other.SourcePixels;
        OutOfView += other.OutOfView;
        NoNeighbourDepth += other.NoNeighbourDepth;
        CoVisible += other.CoVisible;
        AbsRel += other.AbsRel;
        Under5Percent += other.Under5Percent;
    }

    /// <summary>Mean relative error over co-visible pixels (NaN when none).</summary>
    public readonly double MeanAbsRel => CoVisible == 0 ? double.NaN : AbsRel / CoVisible;

    /// <summary>Share of co-visible pixels under 5 % relative error (NaN when none).</summary>
    public readonly double FractionUnder5Percent => CoVisible == 0 ? double.NaN : Under5Percent / (double)CoVisible;

    /// <summary>Co-visible pixels / source pixels with valid depth (NaN when none).</summary>
    public readonly double CoVisibleFraction => SourcePixels == 0 ? double.NaN : CoVisible / (double)SourcePixels;
}
