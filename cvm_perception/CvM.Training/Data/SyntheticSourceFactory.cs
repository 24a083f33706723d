namespace CvM.Training.Data;

/// <summary>Creates the source backed by the CvM.Synthetic scene generator.</summary>
public static class SyntheticSourceFactory
{
    /// <summary>The generator-backed source (throws until the generator's public API is available).</summary>
    public static ITripletSource Create(int seed, int width, int height) =>
        throw new NotSupportedException($"source 'synthetic' (seed {seed}, {width}x{height}) needs CvM.Synthetic's SceneGenerator; use 'boxroom'");
}
