namespace CvM.Ros.Dds;

/// <summary>Whether an endpoint writes or reads.</summary>
public enum EndpointKind
{
    Writer,
    Reader,
}
