namespace CvM.Synthetic.Internal;

/// <summary>
/// Free-space bookkeeping while furnishing a room: occupied floor rectangles, occupied wall spans and a
/// reserved disc in the middle of the room that stays free for the cameras. Walls: 0 at x = 0, 1 at x = L,
/// 2 at y = 0, 3 at y = W (the same numbers as the room shell's face codes).
/// </summary>
internal sealed class RoomLayout
{
    private const double Margin = 0.05;
    private readonly List<(double X0, double Y0, double X1, double Y1)> _floor = [];
    private readonly List<(int Wall, double A0, double A1, double Z0, double Z1)> _wall = [];
    private readonly DetRandom _rng;

    public RoomLayout(DetRandom rng, double length, double width, double height)
    {
        _rng = rng;
        Length = length;
        Width = width;
        Height = height;
        FreeRadius = 0.75;
    }

    public double Length { get; }
    public double Width { get; }
    public double Height { get; }
    public double FreeRadius { get; }

    public double WallLength(int wall) => wall < 2 ? Width : Length;

    /// <summary>Frame with its origin on wall <paramref name="wall"/> at along-wall position <paramref name="a"/>, y into the room.</summary>
    public LocalFrame WallFrame(int wall, double a) => wall switch
    {
        0 => new LocalFrame(0, a, 0, -1),
        1 => new LocalFrame(Length, a, 0, 1),
        2 => new LocalFrame(a, 0, 1, 0),
        _ => new LocalFrame(a, Width, -1, 0),
    };

    public bool WallFree(int wall, double a0, double a1, double z0, double z1)
    {
        foreach (var s in _wall)
            if (s.Wall == wall && a0 < s.A1 + Margin && s.A0 < a1 + Margin && z0 < s.Z1 && s.Z0 < z1) return false;
        return true;
    }

    public void ReserveWall(int wall, double a0, double a1, double z0, double z1) => _wall.Add((wall, a0, a1, z0, z1));

    public bool FloorFree((double X0, double Y0, double X1, double Y1) r)
    {
        if (r.X0 < 0.02 || r.Y0 < 0.02 - 1e-9 || r.X1 > Length - 0.02 || r.Y1 > Width - 0.02) return false;
        foreach (var o in _floor)
            if (r.X0 < o.X1 + Margin && o.X0 < r.X1 + Margin && r.Y0 < o.Y1 + Margin && o.Y0 < r.Y1 + Margin) return false;
        var cx = Math.Clamp(Length / 2, r.X0, r.X1);
        var cy = Math.Clamp(Width / 2, r.Y0, r.Y1);
        var dx = cx - Length / 2;
        var dy = cy - Width / 2;
        return dx * dx + dy * dy > FreeRadius * FreeRadius;
    }

    public void ReserveFloor((double X0, double Y0, double X1, double Y1) r) => _floor.Add(r);

    /// <summary>
    /// Finds a place against a wall for a piece <paramref name="width"/> wide, <paramref name="depth"/> deep and
    /// <paramref name="height"/> high; reserves it and returns its frame (local x in [-w/2, w/2], y in [0, depth]).
    /// </summary>
    public bool TryPlaceOnWall(double width, double depth, double height, out LocalFrame frame, out int wall)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            wall = _rng.NextInt(4);
            var len = WallLength(wall);
            if (width + 0.1 > len) continue;
            var a = _rng.Range(width / 2 + 0.05, len - width / 2 - 0.05);
            var f = WallFrame(wall, a);
            var fp = f.Footprint(-width / 2, 0.001, width / 2, depth);
            fp = (fp.X0 - 1e-6, fp.Y0 - 1e-6, fp.X1 + 1e-6, fp.Y1 + 1e-6);
            var fpCheck = (Math.Max(fp.X0, 0.03), Math.Max(fp.Y0, 0.03), Math.Min(fp.X1, Length - 0.03), Math.Min(fp.Y1, Width - 0.03));
            if (!FloorFree(fpCheck) || !WallFree(wall, a - width / 2, a + width / 2, 0, height)) continue;
            ReserveFloor(fpCheck);
            ReserveWall(wall, a - width / 2, a + width / 2, 0, height);
            frame = f;
            return true;
        }
        frame = default;
        wall = -1;
        return false;
    }

    /// <summary>Finds a free place for a free-standing piece of local half size (hx, hy) with any yaw; reserves it.</summary>
    public bool TryPlaceFree(double hx, double hy, out LocalFrame frame)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var (c, s) = _rng.NextInt(3) == 0 ? _rng.Direction2() : (1.0, 0.0);
            var x = _rng.Range(0.1, Length - 0.1);
            var y = _rng.Range(0.1, Width - 0.1);
            var f = new LocalFrame(x, y, c, s);
            var fp = f.Footprint(-hx, -hy, hx, hy);
            if (!FloorFree(fp)) continue;
            ReserveFloor(fp);
            frame = f;
            return true;
        }
        frame = default;
        return false;
    }
}
