namespace CvM.Synthetic.Internal;

/// <summary>Procedural texture kinds (all give texture for the plane sweep except Plain).</summary>
internal enum TextureKind : byte
{
    Plain,
    Noise,
    Tiles,
    Wood,
    Stripes,
    Checker,
    Fabric,
    Glass,
}

/// <summary>A surface material: two colours (linear 0..1) mixed by a procedural pattern of a given scale (metres).</summary>
internal readonly record struct Material(
    TextureKind Kind,
    float R0, float G0, float B0,
    float R1, float G1, float B1,
    float Scale,
    uint Seed);
