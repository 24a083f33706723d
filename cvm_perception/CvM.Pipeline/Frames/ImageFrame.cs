namespace CvM.Pipeline.Frames;

/// <summary>
/// One camera image entering the pipeline: header fields, geometry and the pixel bytes in a pooled lease.
/// Ownership: the pixels belong to whoever holds the frame; posting it to the pipeline transfers them (the pipeline
/// disposes them when the frame is dropped or done); a producer whose post failed must dispose them itself.
/// </summary>
/// <param name="Header">the image's header (outputs carry it unchanged).</param>
/// <param name="Width">columns.</param>
/// <param name="Height">rows.</param>
/// <param name="Step">row length in bytes.</param>
/// <param name="EncodingName">the encoding as received (e.g. "rgb8").</param>
/// <param name="IsBigEndian">multi-byte pixels are big endian.</param>
/// <param name="Pixels">the pixel bytes, <c>Step * Height</c> of them when well formed.</param>
/// <param name="ReceivedTicks">when the transport received it (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for end-to-end latency.</param>
public readonly record struct ImageFrame(
    FrameHeader Header, int Width, int Height, int Step, string EncodingName, bool IsBigEndian,
    PooledArray<byte> Pixels, long ReceivedTicks) : IDisposable
{
    /// <summary>Returns the pixels to the pool.</summary>
    public void Dispose() => Pixels.Dispose();
}
