namespace CvM.Training.Tests;

/// <summary>
/// Tests that collect and finalize without pause run alone: beside them, another test class's libtorch work
/// (TorchSharp's own temporary Scalars in <c>Adam.step</c>, say) could be freed mid-op, and its results would depend on
/// them.
/// </summary>
[CollectionDefinition(nameof(CollectionsStressCollection), DisableParallelization = true)]
public sealed class CollectionsStressCollection;
