namespace CvM.Bags.Mcap;

/// <summary>A parsed MCAP Schema record and where it was found.</summary>
internal sealed record McapSchemaInfo(ushort Id, string Name, string Encoding, string Text, long Offset);
