namespace CvM.Ros.Dds;

/// <summary>An endpoint appeared (<see cref="Created"/> true) or was disposed.</summary>
public sealed record EndpointChange(EndpointInfo Endpoint, bool Created);
