namespace CvM.Ros.Tests.Dds;

/// <summary>Tests that set process environment variables (ROS_DOMAIN_ID, AMENT_PREFIX_PATH) run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Dds environment-mutating";
}
