namespace CvM.Pipeline.Tests;

/// <summary>
/// Tests that read process-wide counters (GC.GetTotalAllocatedBytes) run alone: any test class running beside them
/// in the same process would count its allocations into theirs.
/// </summary>
[CollectionDefinition(nameof(CostCollection), DisableParallelization = true)]
public sealed class CostCollection;
