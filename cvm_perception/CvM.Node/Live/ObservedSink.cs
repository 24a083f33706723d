using CvM.Pipeline;

namespace CvM.Node.Live;

/// <summary>
/// A sink that writes each result to <c>inner</c> (the publishers) and then lends it to an observer (a test or a
/// recorder). Owns neither. An exception from the observer is the sink's (counted as an output drop).
/// </summary>
internal sealed class ObservedSink(IPerceptionSink inner, IPerceptionSink observer) : IPerceptionSink
{
    public void Write(PerceptionResult result)
    {
        inner.Write(result);
        observer.Write(result);
    }
}
