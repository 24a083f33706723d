namespace CvM.Synthetic.Internal;

/// <summary>
/// A light: a point light at (X, Y, Z) with distance falloff 1 / (1 + Falloff d^2), or, when
/// <see cref="Directional"/>, a light from the unit direction (X, Y, Z) (pointing towards the light).
/// </summary>
internal readonly record struct Light(bool Directional, float X, float Y, float Z, float Intensity, float Falloff,
    float R, float G, float B);
