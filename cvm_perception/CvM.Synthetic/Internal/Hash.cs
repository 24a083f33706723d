namespace CvM.Synthetic.Internal;

/// <summary>Integer hashing for per-pixel noise and procedural textures (stateless, order-independent).</summary>
internal static class Hash
{
    public static uint U32(uint a, uint b, uint c)
    {
        var h = a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ c * 0xC2B2AE3Du;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        h ^= h >> 15;
        return h;
    }

    /// <summary>Uniform float in [0, 1).</summary>
    public static float Unit(uint a, uint b, uint c) => (U32(a, b, c) >> 8) * (1f / 16777216f);
}
