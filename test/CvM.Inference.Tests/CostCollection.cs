namespace CvM.Inference.Tests;

/// <summary>Timing tests run alone (not in parallel with the other test classes) so that they do not share cores with them.</summary>
[CollectionDefinition(nameof(CostCollection), DisableParallelization = true)]
public sealed class CostCollection;
