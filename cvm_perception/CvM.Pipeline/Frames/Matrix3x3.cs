using System.Runtime.CompilerServices;

namespace CvM.Pipeline.Frames;

/// <summary>Nine doubles held inline (a row-major 3x3 matrix such as a camera_info K), so events carry K without an array.</summary>
[InlineArray(9)]
public struct Matrix3x3
{
    private double _element0;

    /// <summary>Copies the first nine values of <paramref name="rowMajor"/>.</summary>
    public static Matrix3x3 From(ReadOnlySpan<double> rowMajor)
    {
        if (rowMajor.Length < 9) throw new ArgumentException("need 9 values", nameof(rowMajor));
        var m = default(Matrix3x3);
        rowMajor[..9].CopyTo(m);
        return m;
    }
}
