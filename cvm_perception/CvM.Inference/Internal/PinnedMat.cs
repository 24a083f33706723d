using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace CvM.Inference.Internal;

/// <summary>
/// A pinned managed array of <typeparamref name="T"/> with an OpenCV <see cref="Mat"/> header over it and that
/// header's input/output array wrappers, created once so OpenCV calls allocate nothing per frame. Owns the Mat
/// header and native array handles (disposed here); the array is managed and pinned for this object's life.
/// </summary>
internal sealed unsafe class PinnedMat<T> : IDisposable where T : unmanaged
{
    public PinnedMat(int rows, int cols, int channels, MatType type)
        : this(GC.AllocateArray<T>(rows * cols * channels, pinned: true), rows, cols, channels, type)
    {
    }

    /// <summary>A header over <paramref name="rows"/> x <paramref name="cols"/> elements of <paramref name="pinnedData"/> starting at <paramref name="offset"/> (pinned array).</summary>
    public PinnedMat(T[] pinnedData, MatType type, int offset, int rows, int cols)
    {
        if (offset < 0 || pinnedData.Length < offset + rows * cols) throw new ArgumentException("array too short", nameof(pinnedData));
        Rows = rows;
        Cols = cols;
        Channels = 1;
        Data = pinnedData;
        Pointer = (IntPtr)Unsafe.AsPointer(ref pinnedData[offset]);
        Mat = Mat.FromPixelData(rows, cols, type, Pointer, (long)cols * sizeof(T));
        Input = CvArrayHandle.Input(Mat);
        Output = CvArrayHandle.Output(Mat);
    }

    /// <summary>A header over <paramref name="pinnedData"/>, which must have been allocated pinned (<c>GC.AllocateArray(.., pinned: true)</c>).</summary>
    public PinnedMat(T[] pinnedData, int rows, int cols, int channels, MatType type)
    {
        if (pinnedData.Length < rows * cols * channels) throw new ArgumentException("array too short", nameof(pinnedData));
        Rows = rows;
        Cols = cols;
        Channels = channels;
        Data = pinnedData;
        Pointer = (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Data));
        Mat = Mat.FromPixelData(rows, cols, type, Pointer, (long)cols * channels * sizeof(T));
        Input = CvArrayHandle.Input(Mat);
        Output = CvArrayHandle.Output(Mat);
    }

    /// <summary>Rows (height).</summary>
    public int Rows { get; }

    /// <summary>Columns (width).</summary>
    public int Cols { get; }

    /// <summary>Channels, interleaved.</summary>
    public int Channels { get; }

    /// <summary>The pixels, row-major, interleaved (pinned; do not replace).</summary>
    public T[] Data { get; }

    /// <summary>Address of <see cref="Data"/>.</summary>
    public IntPtr Pointer { get; }

    /// <summary>Header over <see cref="Data"/>.</summary>
    public Mat Mat { get; }

    /// <summary>Native input array over <see cref="Mat"/>, created once.</summary>
    public CvArrayHandle Input { get; }

    /// <summary>Native output array over <see cref="Mat"/>, created once.</summary>
    public CvArrayHandle Output { get; }

    /// <summary>OpenCV size (cols, rows).</summary>
    public Size Size => new(Cols, Rows);

    public void Dispose()
    {
        Output.Dispose();
        Input.Dispose();
        Mat.Dispose();
    }
}
