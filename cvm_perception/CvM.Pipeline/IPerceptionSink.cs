namespace CvM.Pipeline;

/// <summary>
/// Where results go: the live node publishes them, replay writes them into a bag. Called on the pipeline's output
/// stage, one result at a time. The result is lent for the duration of <see cref="Write"/> only. An exception is
/// counted as an output drop and the pipeline goes on.
/// </summary>
public interface IPerceptionSink
{
    /// <summary>Consumes one result (copy out what must outlive the call).</summary>
    void Write(PerceptionResult result);
}
