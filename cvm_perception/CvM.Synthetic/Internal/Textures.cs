using System.Runtime.CompilerServices;

namespace CvM.Synthetic.Internal;

/// <summary>
/// Procedural textures over surface coordinates (s, t) in metres. Only +,-,*,/ and floor: deterministic
/// across machines. Stateless and thread-safe.
/// </summary>
internal static class Textures
{
    /// <summary>Albedo of <paramref name="m"/> at (s, t).</summary>
    public static void Albedo(in Material m, float s, float t, out float r, out float g, out float b)
    {
        float w; // mix weight between colour 0 and colour 1
        var sc = m.Scale;
        switch (m.Kind)
        {
            case TextureKind.Plain:
                w = 0.15f * ValueNoise(s * 3f, t * 3f, m.Seed);
                break;
            case TextureKind.Noise:
                w = Fbm(s / sc, t / sc, m.Seed);
                break;
            case TextureKind.Tiles:
                {
                    var fs = s / sc;
                    var ft = t / sc;
                    var i = MathF.Floor(fs);
                    var j = MathF.Floor(ft);
                    var us = fs - i;
                    var ut = ft - j;
                    const float grout = 0.05f;
                    if (us < grout || ut < grout)
                    {
                        Mix(m, 0.15f, out r, out g, out b);
                        r *= 0.55f; g *= 0.55f; b *= 0.55f;
                        return;
                    }
                    w = 0.8f * Hash.Unit((uint)(int)i, (uint)(int)j, m.Seed) + 0.2f * ValueNoise(s * 8f, t * 8f, m.Seed + 1);
                    break;
                }
            case TextureKind.Wood:
                {
                    // Planks of width sc along t; grain stretched along s.
                    var ft = t / sc;
                    var plank = MathF.Floor(ft);
                    var ut = ft - plank;
                    if (ut < 0.03f)
                    {
                        Mix(m, 1f, out r, out g, out b);
                        r *= 0.5f; g *= 0.5f; b *= 0.5f;
                        return;
                    }
                    var off = 37f * Hash.Unit((uint)(int)plank, 11u, m.Seed);
                    var grain = Fbm(s * 1.5f + off, t * 25f, m.Seed + 7);
                    var ring = grain * 6f;
                    ring -= MathF.Floor(ring);
                    w = 0.55f * grain + 0.45f * Triangle(ring) * 0.8f + 0.2f * Hash.Unit((uint)(int)plank, 3u, m.Seed);
                    break;
                }
            case TextureKind.Stripes:
                {
                    var fs = s / sc;
                    var stripe = fs - MathF.Floor(fs);
                    w = (stripe < 0.5f ? 0.1f : 0.9f) + 0.25f * (ValueNoise(s * 12f, t * 12f, m.Seed) - 0.5f);
                    break;
                }
            case TextureKind.Checker:
                {
                    var k = (int)MathF.Floor(s / sc) + (int)MathF.Floor(t / sc);
                    w = ((k & 1) == 0 ? 0.1f : 0.9f) + 0.2f * (ValueNoise(s * 10f, t * 10f, m.Seed) - 0.5f);
                    break;
                }
            case TextureKind.Fabric:
                {
                    var weave = Triangle(Frac(s / sc)) * Triangle(Frac(t / sc));
                    w = 0.5f * weave + 0.5f * Fbm(s * 4f, t * 4f, m.Seed);
                    break;
                }
            case TextureKind.Glass:
            default:
                {
                    // Sky-like gradient with clouds; brighter towards the top (t = height).
                    w = 0.6f * Fbm(s * 1.2f, t * 2.5f, m.Seed) + 0.2f * Clamp01(t * 0.3f);
                    break;
                }
        }
        Mix(m, Clamp01(w), out r, out g, out b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(in Material m, float w, out float r, out float g, out float b)
    {
        r = m.R0 + w * (m.R1 - m.R0);
        g = m.G0 + w * (m.G1 - m.G0);
        b = m.B0 + w * (m.B1 - m.B0);
    }

    private static float Frac(float x) => x - MathF.Floor(x);

    private static float Triangle(float x) => 1f - MathF.Abs(2f * x - 1f);

    private static float Clamp01(float x) => x < 0 ? 0 : x > 1 ? 1 : x;

    /// <summary>Three octaves of value noise, in [0, 1].</summary>
    public static float Fbm(float x, float y, uint seed) =>
        0.5714286f * ValueNoise(x, y, seed) + 0.2857143f * ValueNoise(x * 2.03f, y * 2.03f, seed + 17)
        + 0.1428571f * ValueNoise(x * 4.1f, y * 4.1f, seed + 31);

    /// <summary>Smoothly interpolated lattice noise, in [0, 1].</summary>
    public static float ValueNoise(float x, float y, uint seed)
    {
        var fx = MathF.Floor(x);
        var fy = MathF.Floor(y);
        var ix = (uint)(int)fx;
        var iy = (uint)(int)fy;
        var ux = x - fx;
        var uy = y - fy;
        ux = ux * ux * (3f - 2f * ux);
        uy = uy * uy * (3f - 2f * uy);
        var a = Hash.Unit(ix, iy, seed);
        var b = Hash.Unit(ix + 1, iy, seed);
        var c = Hash.Unit(ix, iy + 1, seed);
        var d = Hash.Unit(ix + 1, iy + 1, seed);
        var top = a + ux * (b - a);
        var bottom = c + ux * (d - c);
        return top + uy * (bottom - top);
    }
}
