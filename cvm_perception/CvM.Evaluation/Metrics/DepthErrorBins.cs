namespace CvM.Evaluation.Metrics;

/// <summary>
/// Depth errors binned by ground-truth depth: equal-width bins from <see cref="MinM"/> to <see cref="MaxM"/>
/// (ground truth outside goes to the first or last bin). Each bin keeps its own <see cref="DepthErrorSums"/>.
/// Arrays are allocated once in the constructor; the instance owns them.
/// </summary>
public sealed class DepthErrorBins
{
    private readonly DepthErrorSums[] _bins;

    /// <summary>Creates <paramref name="binCount"/> bins covering [<paramref name="minM"/>, <paramref name="maxM"/>).</summary>
    public DepthErrorBins(float minM, float maxM, int binCount)
    {
        if (!(maxM > minM)) throw new ArgumentOutOfRangeException(nameof(maxM), maxM, "maxM must be > minM");
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        MinM = minM;
        MaxM = maxM;
        _bins = new DepthErrorSums[binCount];
    }

    /// <summary>Lower edge of the first bin (metres).</summary>
    public float MinM { get; }
    /// <summary>Upper edge of the last bin (metres).</summary>
    public float MaxM { get; }
    /// <summary>Number of bins.</summary>
    public int Count => _bins.Length;
    /// <summary>Width of one bin (metres).</summary>
    public double BinWidthM => (MaxM - MinM) / (double)_bins.Length;

    /// <summary>The sums of bin <paramref name="index"/>.</summary>
    public ref readonly DepthErrorSums this[int index] => ref _bins[index];

    /// <summary>Centre of bin <paramref name="index"/> (metres).</summary>
    public double CenterM(int index) => MinM + (index + 0.5) * BinWidthM;

    /// <summary>Adds one pixel (prediction already clamped, both &gt; 0) to the bin of <paramref name="gtM"/>.</summary>
    public void Add(float predM, float gtM)
    {
        int b = (int)Math.Floor((gtM - MinM) / BinWidthM);
        b = Math.Clamp(b, 0, _bins.Length - 1);
        _bins[b].Add(predM, gtM);
    }
}
