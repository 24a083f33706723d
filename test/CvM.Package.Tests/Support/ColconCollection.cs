namespace CvM.Package.Tests.Support;

/// <summary>Tests that run colcon or the installed node: not in parallel with each other (2 cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ColconCollection
{
    public const string Name = "colcon";
}
