namespace CvM.Ros.Tests.Parameters;

/// <summary>A temporary folder of YAML files for one test; deleted on dispose.</summary>
internal sealed class TempYamlFiles : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cvm_params_" + Guid.NewGuid().ToString("N"));

    public TempYamlFiles() => Directory.CreateDirectory(_dir);

    public string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
