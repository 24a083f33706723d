namespace CvM.Bags.Mcap;

/// <summary>Thrown inside the MCAP parser when a record's fields run past its end; converted to <see cref="BagReadError"/>.</summary>
internal sealed class McapFormatException(string message) : Exception(message);
