namespace CvM.Synthetic.Internal;

/// <summary>Builders of furniture pieces from boxes, cylinders and spheres, each as one or more groups.</summary>
internal sealed class Furniture
{
    private readonly SceneBuilder _b;
    private readonly Palette _pal;
    private readonly DetRandom _rng;
    private readonly RoomLayout _room;

    public Furniture(SceneBuilder b, Palette pal, DetRandom rng, RoomLayout room)
    {
        _b = b;
        _pal = pal;
        _rng = rng;
        _room = room;
    }

    public bool Bed()
    {
        var w = _rng.Chance(0.3) ? _rng.Range(0.9, 1.1) : _rng.Range(1.4, 1.8);
        var l = _rng.Range(1.9, 2.1);
        var headH = _rng.Range(0.8, 1.1);
        if (!_room.TryPlaceOnWall(w, l, headH, out var f, out _)) return false;
        int wood = _pal.Wood(), sheet = _pal.Fabric(), blanket = _pal.Fabric(), pillow = _pal.Fabric();
        _b.BeginGroup();
        f.Box(_b, -w / 2, 0.06, 0, w / 2, l, 0.3, SemanticClass.Bed, wood);
        f.Box(_b, -w / 2 + 0.02, 0.06, 0.3, w / 2 - 0.02, l - 0.02, 0.52, SemanticClass.Bed, sheet);
        f.Box(_b, -w / 2 - 0.02, 0, 0, w / 2 + 0.02, 0.06, headH, SemanticClass.Bed, wood);
        f.Box(_b, -w / 2 + 0.01, l * 0.4, 0.52, w / 2 - 0.01, l - 0.01, 0.58, SemanticClass.Bed, blanket);
        var pillows = w > 1.2 ? 2 : 1;
        for (var i = 0; i < pillows; i++)
        {
            var cx = pillows == 1 ? 0 : (i == 0 ? -w / 4 : w / 4);
            var pw = Math.Min(0.6, w / pillows - 0.1) / 2;
            f.Box(_b, cx - pw, 0.1, 0.52, cx + pw, 0.45, 0.66, SemanticClass.Objects, pillow);
        }
        _b.EndGroup();
        return true;
    }

    public bool Sofa()
    {
        var w = _rng.Range(1.6, 2.4);
        var d = _rng.Range(0.85, 0.95);
        if (!_room.TryPlaceOnWall(w, d, 0.9, out var f, out _)) return false;
        int fabric = _pal.Fabric(), cushion = _pal.Fabric();
        _b.BeginGroup();
        f.Box(_b, -w / 2, 0.02, 0, w / 2, d, 0.42, SemanticClass.Sofa, fabric);
        f.Box(_b, -w / 2, 0.02, 0.42, w / 2, 0.25, 0.88, SemanticClass.Sofa, fabric);
        f.Box(_b, -w / 2, 0.25, 0.42, -w / 2 + 0.18, d, 0.64, SemanticClass.Sofa, fabric);
        f.Box(_b, w / 2 - 0.18, 0.25, 0.42, w / 2, d, 0.64, SemanticClass.Sofa, fabric);
        if (_rng.Chance(0.7))
            f.Box(_b, -w / 2 + 0.25, 0.25, 0.42, -w / 2 + 0.65, 0.38, 0.8, SemanticClass.Objects, cushion);
        _b.EndGroup();
        return true;
    }

    public bool Shelf()
    {
        var w = _rng.Range(0.8, 1.4);
        var d = _rng.Range(0.3, 0.4);
        var h = Math.Min(_rng.Range(1.5, 2.1), _room.Height - 0.2);
        if (!_room.TryPlaceOnWall(w, d, h, out var f, out _)) return false;
        var wood = _pal.Wood();
        const double t = 0.025;
        var shelves = _rng.NextInt(3) + 3;
        var pitch = (h - 2 * t) / shelves;
        _b.BeginGroup();
        f.Box(_b, -w / 2, 0.02, 0, -w / 2 + t, d, h, SemanticClass.Furniture, wood);
        f.Box(_b, w / 2 - t, 0.02, 0, w / 2, d, h, SemanticClass.Furniture, wood);
        f.Box(_b, -w / 2 + t, 0.005, 0, w / 2 - t, 0.02, h, SemanticClass.Furniture, wood);
        for (var i = 0; i <= shelves; i++)
        {
            var z = i == shelves ? h - t : i * pitch;
            f.Box(_b, -w / 2 + t, 0.02, z, w / 2 - t, d, z + t, SemanticClass.Furniture, wood);
        }
        _b.EndGroup();
        Span<int> bookMats = stackalloc int[4];
        for (var i = 0; i < bookMats.Length; i++) bookMats[i] = _pal.Object();
        for (var s = 0; s < shelves; s++)
        {
            var z0 = s * pitch + t;
            var x = -w / 2 + t + _rng.Range(0, 0.1);
            var run = 0;
            _b.BeginGroup();
            while (x < w / 2 - t - 0.06)
            {
                if (_rng.Chance(0.08))
                {
                    x += _rng.Range(0.05, 0.25);
                    continue;
                }
                var bw = _rng.Range(0.02, 0.05);
                var bh = Math.Min(_rng.Range(0.15, 0.3), pitch - t - 0.03);
                var bd = Math.Min(_rng.Range(0.15, 0.25), d - 0.05);
                f.Box(_b, x, 0.03, z0, x + bw, 0.03 + bd, z0 + bh, SemanticClass.Books, bookMats[_rng.NextInt(bookMats.Length)]);
                x += bw + 0.002;
                if (++run == 8)
                {
                    _b.EndGroup();
                    _b.BeginGroup();
                    run = 0;
                }
            }
            _b.EndGroup();
        }
        return true;
    }

    public bool Cabinet()
    {
        var w = _rng.Range(0.8, 1.6);
        var d = _rng.Range(0.4, 0.55);
        var h = _rng.Range(0.6, 1.0);
        var tv = _rng.Chance(0.4);
        if (!_room.TryPlaceOnWall(w, d, tv ? h + 0.8 : h, out var f, out _)) return false;
        int wood = _pal.Wood(), front = _pal.Wood(), knob = _pal.Metal();
        _b.BeginGroup();
        f.Box(_b, -w / 2, 0.02, 0.05, w / 2, d, h, SemanticClass.Furniture, wood);
        var rows = _rng.NextInt(3) + 2;
        var rh = (h - 0.1) / rows;
        for (var r = 0; r < rows; r++)
        {
            var z0 = 0.08 + r * rh;
            f.Box(_b, -w / 2 + 0.03, d, z0, w / 2 - 0.03, d + 0.015, z0 + rh - 0.03, SemanticClass.Furniture, front);
            f.Sphere(_b, 0, d + 0.03, z0 + rh / 2, 0.015, SemanticClass.Furniture, knob);
        }
        if (tv)
        {
            var tw = Math.Min(w - 0.1, _rng.Range(0.8, 1.2));
            var th = tw * 0.58;
            int dark = _pal.Dark(), stand = _pal.Metal();
            f.Box(_b, -0.15, d / 2 - 0.1, h, 0.15, d / 2 + 0.1, h + 0.03, SemanticClass.Tv, stand);
            f.Box(_b, -0.03, d / 2 - 0.02, h + 0.03, 0.03, d / 2 + 0.02, h + 0.12, SemanticClass.Tv, stand);
            f.Box(_b, -tw / 2, d / 2 - 0.03, h + 0.1, tw / 2, d / 2 + 0.03, h + 0.1 + th, SemanticClass.Tv, dark);
        }
        else
        {
            TableTopObjects(f, -w / 2 + 0.1, w / 2 - 0.1, 0.1, d - 0.05, h);
        }
        _b.EndGroup();
        return true;
    }

    public bool TableSet()
    {
        var round = _rng.Chance(0.3);
        var w = round ? _rng.Range(0.8, 1.2) : _rng.Range(1.0, 1.8);
        var d = round ? w : _rng.Range(0.7, 1.0);
        var chairs = _rng.NextInt(5);
        if (!_room.TryPlaceFree(w / 2 + (chairs > 0 ? 0.55 : 0.05), d / 2 + (chairs > 0 ? 0.55 : 0.05), out var f)) return false;
        int wood = _pal.Wood(), chairWood = _pal.Wood(), seat = _pal.Fabric();
        var h = _rng.Range(0.72, 0.77);
        _b.BeginGroup();
        if (round)
        {
            f.Cylinder(_b, 0, 0, w / 2, h - 0.04, h, SemanticClass.Table, wood);
            f.Cylinder(_b, 0, 0, 0.05, 0.03, h - 0.04, SemanticClass.Table, wood);
            f.Cylinder(_b, 0, 0, 0.25, 0, 0.03, SemanticClass.Table, wood);
        }
        else
        {
            f.Box(_b, -w / 2, -d / 2, h - 0.04, w / 2, d / 2, h, SemanticClass.Table, wood);
            var r = _rng.Range(0.025, 0.04);
            for (var i = 0; i < 4; i++)
                f.Cylinder(_b, (i & 1) == 0 ? -w / 2 + 0.08 : w / 2 - 0.08, (i & 2) == 0 ? -d / 2 + 0.08 : d / 2 - 0.08, r, 0, h - 0.04,
                    SemanticClass.Table, wood);
        }
        TableTopObjects(f, -w / 3, w / 3, -d / 3, d / 3, h);
        _b.EndGroup();
        for (var c = 0; c < chairs; c++)
        {
            // Chair c sits on side c (0: -y, 1: +y, 2: -x, 3: +x), facing the table.
            var side = c;
            var dist = (side < 2 ? d / 2 : w / 2) + 0.2;
            var (cx, cy) = side switch { 0 => (0.0, -dist), 1 => (0.0, dist), 2 => (-dist, 0.0), _ => (dist, 0.0) };
            var (fc, fs) = side switch { 0 => (1.0, 0.0), 1 => (-1.0, 0.0), 2 => (0.0, -1.0), _ => (0.0, 1.0) };
            // Chair frame: local +y faces the table.
            var o = f.World(cx, cy, 0);
            var cf = new LocalFrame(o.X, o.Y, f.Cos * fc - f.Sin * fs, f.Sin * fc + f.Cos * fs);
            Chair(cf, chairWood, seat);
        }
        return true;
    }

    private void Chair(LocalFrame f, int wood, int seat)
    {
        const double s = 0.21;
        _b.BeginGroup();
        f.Box(_b, -s, -s, 0.43, s, s, 0.47, SemanticClass.Chair, seat);
        for (var i = 0; i < 4; i++)
            f.Cylinder(_b, (i & 1) == 0 ? -s + 0.03 : s - 0.03, (i & 2) == 0 ? -s + 0.03 : s - 0.03, 0.015, 0, 0.43, SemanticClass.Chair, wood);
        f.Box(_b, -s, -s, 0.47, s, -s + 0.03, 0.9, SemanticClass.Chair, wood);
        _b.EndGroup();
    }

    public bool Desk()
    {
        var w = _rng.Range(1.0, 1.5);
        var d = _rng.Range(0.55, 0.75);
        if (!_room.TryPlaceOnWall(w, d + 0.6, 0.8, out var f, out _)) return false;
        int wood = _pal.Wood(), legs = _pal.Metal();
        const double h = 0.74;
        _b.BeginGroup();
        f.Box(_b, -w / 2, 0.02, h - 0.03, w / 2, d, h, SemanticClass.Table, wood);
        for (var i = 0; i < 4; i++)
        {
            var x = (i & 1) == 0 ? -w / 2 + 0.03 : w / 2 - 0.07;
            var y = (i & 2) == 0 ? 0.05 : d - 0.07;
            f.Box(_b, x, y, 0, x + 0.04, y + 0.04, h - 0.03, SemanticClass.Table, legs);
        }
        TableTopObjects(f, -w / 2 + 0.1, w / 2 - 0.1, 0.1, d - 0.1, h);
        _b.EndGroup();
        var o = f.World(_rng.Range(-w / 4, w / 4), d + 0.15, 0);
        Chair(new LocalFrame(o.X, o.Y, -f.Cos, -f.Sin), _pal.Wood(), _pal.Fabric());
        return true;
    }

    /// <summary>Small objects (cups, vases, boxes, books) on a surface at height z, inside the given local rectangle.</summary>
    private void TableTopObjects(LocalFrame f, double x0, double x1, double y0, double y1, double z)
    {
        var n = _rng.NextInt(4);
        for (var i = 0; i < n; i++)
        {
            var x = _rng.Range(x0 + 0.06, Math.Max(x0 + 0.06, x1 - 0.06));
            var y = _rng.Range(y0 + 0.06, Math.Max(y0 + 0.06, y1 - 0.06));
            switch (_rng.NextInt(4))
            {
                case 0:
                    f.Cylinder(_b, x, y, _rng.Range(0.03, 0.05), z, z + _rng.Range(0.08, 0.14), SemanticClass.Objects, _pal.Object());
                    break;
                case 1:
                    {
                        var m = _pal.Object();
                        var r = _rng.Range(0.04, 0.07);
                        var hh = _rng.Range(0.12, 0.25);
                        f.Cylinder(_b, x, y, r, z, z + hh, SemanticClass.Objects, m);
                        f.Sphere(_b, x, y, z + hh + r * 1.5, r * 1.8, SemanticClass.Objects, _pal.Fabric());
                        break;
                    }
                case 2:
                    {
                        var s = _rng.Range(0.04, 0.1);
                        f.Box(_b, x - s, y - s, z, x + s, y + s, z + _rng.Range(0.05, 0.15), SemanticClass.Objects, _pal.Object());
                        break;
                    }
                default:
                    {
                        var m = _pal.Object();
                        var top = z;
                        for (var k = _rng.NextInt(3) + 1; k > 0; k--)
                        {
                            var bh = _rng.Range(0.02, 0.05);
                            f.Box(_b, x - 0.1, y - 0.07, top, x + 0.1, y + 0.07, top + bh, SemanticClass.Books, m);
                            top += bh;
                        }
                        break;
                    }
            }
        }
    }

    public bool FloorObject()
    {
        var kind = _rng.NextInt(4);
        var r = kind == 3 ? 0.25 : 0.2;
        if (!_room.TryPlaceFree(r, r, out var f)) return false;
        var m = _pal.Object();
        _b.BeginGroup();
        switch (kind)
        {
            case 0:
                f.Cylinder(_b, 0, 0, _rng.Range(0.12, 0.18), 0, _rng.Range(0.3, 0.45), SemanticClass.Objects, m);
                break;
            case 1:
                {
                    var s = _rng.Range(0.12, 0.2);
                    f.Box(_b, -s, -s * 0.8, 0, s, s * 0.8, _rng.Range(0.2, 0.45), SemanticClass.Objects, m);
                    break;
                }
            case 2:
                f.Cylinder(_b, 0, 0, 0.13, 0, 0.3, SemanticClass.Objects, m);
                f.Sphere(_b, 0, 0, 0.5, _rng.Range(0.18, 0.22), SemanticClass.Objects, _pal.Fabric());
                break;
            default:
                {
                    var top = _rng.Range(1.4, 1.7);
                    f.Cylinder(_b, 0, 0, 0.15, 0, 0.03, SemanticClass.Objects, m);
                    f.Cylinder(_b, 0, 0, 0.015, 0.03, top, SemanticClass.Objects, m);
                    f.Cylinder(_b, 0, 0, 0.18, top, top + 0.25, SemanticClass.Objects, _pal.Fabric());
                    break;
                }
        }
        _b.EndGroup();
        return true;
    }

    public void Rug()
    {
        var hx = _rng.Range(0.6, Math.Min(1.5, _room.Length / 2 - 0.3));
        var hy = _rng.Range(0.5, Math.Min(1.2, _room.Width / 2 - 0.3));
        var x = _room.Length / 2 + _rng.Range(-0.3, 0.3);
        var y = _room.Width / 2 + _rng.Range(-0.3, 0.3);
        _b.BeginGroup();
        new LocalFrame(x, y, 1, 0).Box(_b, -hx, -hy, 0, hx, hy, 0.012, SemanticClass.Floor, _pal.Fabric());
        _b.EndGroup();
    }

    /// <summary>A picture (or a wall-mounted tv) hanging on a wall.</summary>
    public bool WallPanel(bool tv)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var wall = _rng.NextInt(4);
            var w = tv ? _rng.Range(0.9, 1.4) : _rng.Range(0.3, 1.0);
            var h = tv ? w * 0.58 : _rng.Range(0.3, 0.8);
            var len = _room.WallLength(wall);
            if (w + 0.3 > len) continue;
            var a = _rng.Range(w / 2 + 0.15, len - w / 2 - 0.15);
            var zc = _rng.Range(1.2, Math.Min(1.8, _room.Height - h / 2 - 0.2));
            if (!_room.WallFree(wall, a - w / 2, a + w / 2, zc - h / 2, zc + h / 2)) continue;
            _room.ReserveWall(wall, a - w / 2, a + w / 2, zc - h / 2, zc + h / 2);
            var f = _room.WallFrame(wall, a);
            var depth = tv ? 0.06 : _rng.Range(0.015, 0.04);
            _b.BeginGroup();
            if (tv)
            {
                f.Box(_b, -w / 2, 0, zc - h / 2, w / 2, depth, zc + h / 2, SemanticClass.Tv, _pal.Dark());
            }
            else
            {
                var frame = _pal.Wood();
                const double fw = 0.03;
                f.Box(_b, -w / 2, 0, zc - h / 2, w / 2, depth * 0.6, zc + h / 2, SemanticClass.Picture, _pal.Art());
                f.Box(_b, -w / 2, 0, zc - h / 2, -w / 2 + fw, depth, zc + h / 2, SemanticClass.Picture, frame);
                f.Box(_b, w / 2 - fw, 0, zc - h / 2, w / 2, depth, zc + h / 2, SemanticClass.Picture, frame);
                f.Box(_b, -w / 2 + fw, 0, zc - h / 2, w / 2 - fw, depth, zc - h / 2 + fw, SemanticClass.Picture, frame);
                f.Box(_b, -w / 2 + fw, 0, zc + h / 2 - fw, w / 2 - fw, depth, zc + h / 2, SemanticClass.Picture, frame);
            }
            _b.EndGroup();
            return true;
        }
        return false;
    }

    /// <summary>A lamp fixed to the ceiling at (x, y).</summary>
    public void CeilingLamp(double x, double y)
    {
        var f = new LocalFrame(x, y, 1, 0);
        var h = _room.Height;
        _b.BeginGroup();
        f.Cylinder(_b, 0, 0, 0.01, h - 0.3, h, SemanticClass.Objects, _pal.Metal());
        f.Cylinder(_b, 0, 0, _rng.Range(0.12, 0.22), h - 0.42, h - 0.3, SemanticClass.Objects, _pal.Fabric());
        _b.EndGroup();
    }
}
