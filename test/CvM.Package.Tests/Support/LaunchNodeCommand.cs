namespace CvM.Package.Tests.Support;

/// <summary>The argv of one Node action (argv[0] = the executable) and the text of the parameter files launch wrote for it.</summary>
internal sealed record LaunchNodeCommand(IReadOnlyList<string> Argv, IReadOnlyDictionary<string, string> ParamsFiles)
{
    /// <summary>The arguments after the executable: what the node's Main receives.</summary>
    public string[] Arguments => Argv.Skip(1).ToArray();

    /// <summary>The argv with each generated parameter file replaced by its text, for comparing two launches.</summary>
    public IReadOnlyList<string> WithFileContents() =>
        Argv.Select(a => ParamsFiles.TryGetValue(a, out var text) ? "<file>" + text : a).ToList();
}
