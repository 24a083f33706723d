namespace CvM.Synthetic.Internal;

/// <summary>Random material recipes (colours in linear 0..1) for the room generator.</summary>
internal sealed class Palette
{
    private readonly DetRandom _rng;
    private readonly SceneBuilder _b;

    public Palette(DetRandom rng, SceneBuilder b)
    {
        _rng = rng;
        _b = b;
    }

    private (double, double, double) Col(double lo, double hi) => (_rng.Range(lo, hi), _rng.Range(lo, hi), _rng.Range(lo, hi));

    private static (double, double, double) Scale((double R, double G, double B) c, double s) => (c.R * s, c.G * s, c.B * s);

    public int Wood()
    {
        var k = _rng.Range(0.6, 1.3);
        var c0 = (0.55 * k, 0.36 * k, 0.2 * k);
        return _b.Material(TextureKind.Wood, c0, Scale(c0, _rng.Range(0.55, 0.75)), _rng.Range(0.08, 0.2));
    }

    public int Fabric()
    {
        var c0 = Col(0.15, 0.85);
        var kind = _rng.Chance(0.3) ? TextureKind.Stripes : _rng.Chance(0.3) ? TextureKind.Checker : TextureKind.Fabric;
        return _b.Material(kind, c0, Scale(c0, _rng.Range(0.5, 0.8)), _rng.Range(0.05, 0.25));
    }

    public int Paint()
    {
        var c0 = Col(0.55, 0.95);
        var kind = _rng.NextInt(4) switch { 0 => TextureKind.Stripes, 1 => TextureKind.Noise, 2 => TextureKind.Fabric, _ => TextureKind.Noise };
        return _b.Material(kind, c0, Scale(c0, _rng.Range(0.65, 0.85)), _rng.Range(0.08, 0.4));
    }

    public int Ceiling()
    {
        var g = _rng.Range(0.8, 0.95);
        return _b.Material(TextureKind.Noise, (g, g, g * 0.98), (g * 0.85, g * 0.85, g * 0.84), _rng.Range(0.3, 0.8));
    }

    public int Floor()
    {
        switch (_rng.NextInt(4))
        {
            case 0: return Wood();
            case 1:
                {
                    var c0 = Col(0.5, 0.9);
                    return _b.Material(TextureKind.Tiles, c0, Scale(c0, 0.7), _rng.Range(0.3, 0.6));
                }
            case 2:
                {
                    var c0 = Col(0.2, 0.7);
                    return _b.Material(TextureKind.Noise, c0, Scale(c0, 0.6), _rng.Range(0.05, 0.2));
                }
            default:
                {
                    var c0 = Col(0.4, 0.9);
                    return _b.Material(TextureKind.Checker, c0, Scale(c0, 0.5), _rng.Range(0.3, 0.5));
                }
        }
    }

    public int Glass() => _b.Material(TextureKind.Glass, (0.4, 0.55, 0.8), (0.85, 0.88, 0.95), 1.0);

    public int Dark() => _b.Material(TextureKind.Noise, (0.03, 0.03, 0.04), (0.12, 0.12, 0.14), 0.3);

    public int Art()
    {
        var kind = _rng.NextInt(3) switch { 0 => TextureKind.Noise, 1 => TextureKind.Checker, _ => TextureKind.Stripes };
        return _b.Material(kind, Col(0.05, 0.95), Col(0.05, 0.95), _rng.Range(0.03, 0.15));
    }

    public int Object() => _b.Material(_rng.Chance(0.5) ? TextureKind.Noise : TextureKind.Plain, Col(0.1, 0.95), Col(0.1, 0.95), 0.05);

    public int Metal()
    {
        var g = _rng.Range(0.3, 0.7);
        return _b.Material(TextureKind.Noise, (g, g, g), (g * 0.8, g * 0.8, g * 0.85), 0.05);
    }
}
