namespace CvM.Pipeline.Diagnostics;

/// <summary>
/// What the transport in front of the pipeline counted for one input stream (a value; the pipeline never references
/// the transport, the node reads these from its DDS readers). Every message a sender published on the stream ends
/// in one of: <see cref="Taken"/> (of which <see cref="QueueDropped"/> were dropped from the reader's queue before
/// the node read them), <see cref="OversizeRejected"/>, <see cref="SampleLost"/>, <see cref="SampleRejected"/>, or a
/// loss the middleware does not report (a KEEP_LAST history overwritten before the take), which only the sender
/// can count.
/// </summary>
/// <param name="Taken">messages taken from the middleware.</param>
/// <param name="QueueDropped">taken messages dropped from the reader's bounded queue (oldest first).</param>
/// <param name="OversizeRejected">messages discarded for their size.</param>
/// <param name="SampleLost">the middleware's sample-lost count.</param>
/// <param name="SampleRejected">the middleware's sample-rejected count.</param>
public readonly record struct TransportCounts(long Taken, long QueueDropped, long OversizeRejected, long SampleLost, long SampleRejected)
{
    /// <summary>Messages counted lost before they reached the pipeline.</summary>
    public long Lost => QueueDropped + OversizeRejected + SampleLost + SampleRejected;
}
