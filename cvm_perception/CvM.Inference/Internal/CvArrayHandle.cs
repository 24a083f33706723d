using System.Runtime.InteropServices;
using OpenCvSharp;
using OpenCvSharp.Internal;

namespace CvM.Inference.Internal;

/// <summary>
/// A native <c>cv::_InputArray*</c> or <c>cv::_OutputArray*</c> over one <see cref="Mat"/>, created once and reused.
/// OpenCvSharp's own wrappers are made per call (and <c>OutputArray</c> disposes itself after each call), which
/// allocates every frame; this handle is passed straight to the native functions instead. It refers to the Mat
/// without owning it: the Mat must outlive this handle (both live in one <see cref="PinnedMat{T}"/> or cache entry).
/// </summary>
internal sealed class CvArrayHandle : SafeHandle
{
    private readonly bool _isOutput;

    private CvArrayHandle(bool isOutput)
        : base(IntPtr.Zero, ownsHandle: true) => _isOutput = isOutput;

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>An input array over <paramref name="mat"/>.</summary>
    public static CvArrayHandle Input(Mat mat)
    {
        var h = new CvArrayHandle(false);
        NativeMethods.HandleException(NativeMethods.core_InputArray_new_byMat(mat.CvPtr, out var p));
        h.SetHandle(p);
        GC.KeepAlive(mat);
        return h;
    }

    /// <summary>An output array over <paramref name="mat"/> (OpenCV writes into the Mat's existing buffer when size and type match).</summary>
    public static CvArrayHandle Output(Mat mat)
    {
        var h = new CvArrayHandle(true);
        NativeMethods.HandleException(NativeMethods.core_OutputArray_new_byMat(mat.CvPtr, out var p));
        h.SetHandle(p);
        GC.KeepAlive(mat);
        return h;
    }

    /// <summary><c>cv::resize(src, dst, dsize, 0, 0, interpolation)</c> without managed allocation.</summary>
    public static void Resize(CvArrayHandle src, CvArrayHandle dst, Size dsize, InterpolationFlags interpolation)
    {
        NativeMethods.HandleException(NativeMethods.imgproc_resize(src.handle, dst.handle, dsize, 0, 0, (int)interpolation));
        GC.KeepAlive(src);
        GC.KeepAlive(dst);
    }

    protected override bool ReleaseHandle()
    {
        var status = _isOutput ? NativeMethods.core_OutputArray_delete(handle) : NativeMethods.core_InputArray_delete(handle);
        return status == ExceptionStatus.NotOccurred;
    }
}
