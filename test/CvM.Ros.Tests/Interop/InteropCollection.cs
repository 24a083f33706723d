namespace CvM.Ros.Tests.Interop;

/// <summary>
/// Runs the Fast DDS interop test classes one after another: they move megabytes per second over loopback
/// and share two cores with the rest of the suite, so running them in parallel would only add noise.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InteropCollection
{
    public const string Name = "Fast DDS interop";
}
