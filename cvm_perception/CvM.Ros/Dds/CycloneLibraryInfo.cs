namespace CvM.Ros.Dds;

/// <summary>What <see cref="CycloneLibrary"/> loaded: the path or name that succeeded, the attempt number and how many symbols were checked.</summary>
public sealed record CycloneLibraryInfo(string LoadedFrom, int Attempt, int SymbolsChecked);
