namespace CvM.Messages.Tests.Support;

/// <summary>
/// Tests that count the bytes their thread allocates run alone (xunit runs a collection with parallelization
/// disabled after the others, on its own): other tests allocating in parallel would trigger garbage collections,
/// and a gen-2 collection trims <see cref="System.Buffers.ArrayPool{T}.Shared"/>, so the next rent allocates once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation measurements";
}
