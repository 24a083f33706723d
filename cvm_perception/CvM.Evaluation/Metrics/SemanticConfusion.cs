namespace CvM.Evaluation.Metrics;

/// <summary>
/// Confusion matrix of semantic labels with classes 1..<see cref="ClassCount"/> (0 = void).
/// Rules: ground truth 0 (void) is ignored; ground truth above <see cref="ClassCount"/> is counted in
/// <see cref="IgnoredGroundTruth"/> and ignored; a prediction of 0 or above <see cref="ClassCount"/> on a scored
/// pixel is a wrong answer, kept in an extra "invalid prediction" column (it lowers that class's IoU and the
/// pixel accuracy but is nobody's false positive). The matrix is allocated once; the instance owns it.
/// </summary>
public sealed class SemanticConfusion
{
    private readonly long[] _matrix; // row = gt class-1, column = pred class-1, last column = invalid prediction

    /// <summary>Creates an empty matrix over classes 1..<paramref name="classCount"/> (default 13, NYUv2).</summary>
    public SemanticConfusion(int classCount = NyuClasses.Count13)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 254);
        ClassCount = classCount;
        _matrix = new long[classCount * (classCount + 1)];
    }

    /// <summary>Scored classes (ids 1..ClassCount).</summary>
    public int ClassCount { get; }
    /// <summary>Ground-truth pixels with an id above ClassCount (ignored).</summary>
    public long IgnoredGroundTruth { get; private set; }
    /// <summary>Ground-truth pixels labelled void (ignored).</summary>
    public long VoidGroundTruth { get; private set; }

    /// <summary>Pixels with ground truth <paramref name="gtClass"/> predicted as <paramref name="predClass"/> (both 1-based).</summary>
    public long this[int gtClass, int predClass] => _matrix[Index(gtClass, predClass)];

    /// <summary>Pixels with ground truth <paramref name="gtClass"/> whose prediction was not a class id.</summary>
    public long InvalidPredictions(int gtClass) => _matrix[Index(gtClass, ClassCount + 1)];

    /// <summary>Adds a label map pair (same length, row-major; caller keeps the spans).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Add(ReadOnlySpan<byte> gtLabels, ReadOnlySpan<byte> predLabels)
    {
        if (gtLabels.Length != predLabels.Length)
            throw new ArgumentException($"ground truth has {gtLabels.Length} pixels, prediction {predLabels.Length}", nameof(predLabels));
        int k = ClassCount;
        long voids = 0, ignored = 0;
        for (int i = 0; i < gtLabels.Length; i++)
        {
            int g = gtLabels[i];
            if (g == NyuClasses.Void) { voids++; continue; }
            if (g > k) { ignored++; continue; }
            int p = predLabels[i];
            int col = p >= 1 && p <= k ? p - 1 : k;
            _matrix[(g - 1) * (k + 1) + col]++;
        }
        VoidGroundTruth += voids;
        IgnoredGroundTruth += ignored;
    }

    /// <summary>Scored ground-truth pixels of class <paramref name="gtClass"/> (row sum, invalid predictions included).</summary>
    public long GroundTruthPixels(int gtClass)
    {
        long s = 0;
        int row = (gtClass - 1) * (ClassCount + 1);
        for (int c = 0; c <= ClassCount; c++) s += _matrix[row + c];
        return s;
    }

    /// <summary>Pixels predicted as <paramref name="predClass"/> on scored ground truth (column sum).</summary>
    public long PredictedPixels(int predClass)
    {
        long s = 0;
        for (int g = 1; g <= ClassCount; g++) s += this[g, predClass];
        return s;
    }

    /// <summary>IoU of class <paramref name="cls"/>: TP / (TP + FP + FN); NaN when the class is in neither map.</summary>
    public double IoU(int cls)
    {
        long tp = this[cls, cls];
        long union = GroundTruthPixels(cls) + PredictedPixels(cls) - tp;
        return union == 0 ? double.NaN : tp / (double)union;
    }

    /// <summary>Mean IoU over the classes present in the ground truth (NaN when none is).</summary>
    public double MeanIoU()
    {
        double s = 0;
        int n = 0;
        for (int c = 1; c <= ClassCount; c++)
        {
            if (GroundTruthPixels(c) == 0) continue;
            s += IoU(c);
            n++;
        }
        return n == 0 ? double.NaN : s / n;
    }

    /// <summary>Correct pixels / scored pixels (NaN when nothing was scored).</summary>
    public double PixelAccuracy()
    {
        long correct = 0, total = 0;
        for (int c = 1; c <= ClassCount; c++)
        {
            correct += this[c, c];
            total += GroundTruthPixels(c);
        }
        return total == 0 ? double.NaN : correct / (double)total;
    }

    /// <summary>Copies the counts as a ClassCount x (ClassCount+1) row-major array (last column: invalid predictions).</summary>
    public long[][] ToRows()
    {
        var rows = new long[ClassCount][];
        for (int g = 0; g < ClassCount; g++)
            rows[g] = _matrix.AsSpan(g * (ClassCount + 1), ClassCount + 1).ToArray();
        return rows;
    }

    private int Index(int gtClass, int predClassOrInvalid)
    {
        if (gtClass < 1 || gtClass > ClassCount) throw new ArgumentOutOfRangeException(nameof(gtClass));
        if (predClassOrInvalid < 1 || predClassOrInvalid > ClassCount + 1) throw new ArgumentOutOfRangeException(nameof(predClassOrInvalid));
        return (gtClass - 1) * (ClassCount + 1) + predClassOrInvalid - 1;
    }
}
