using CvM.Geometry;
using CvM.Synthetic.Internal;

namespace CvM.Synthetic;

/// <summary>
/// Generates procedural indoor rooms: floor, ceiling and walls with a door and windows (recessed rectangles),
/// furniture built from boxes, cylinders and spheres (bed, sofa, table and chairs, desk, bookshelf with books,
/// cabinet with tv, floor objects, rug, pictures, ceiling lamps), procedural textures and ambient + point +
/// directional Lambertian lighting. The same seed and options give the same scene on every machine.
/// </summary>
public static class SceneGenerator
{
    /// <summary>Generates the room for <paramref name="seed"/>; throws <see cref="ArgumentOutOfRangeException"/> on bad options.</summary>
    public static Scene Create(int seed, SceneOptions? options = null)
    {
        options ??= new SceneOptions();
        options.Validate();
        var rng = new DetRandom(seed);
        var length = rng.Range(options.RoomLengthMin, options.RoomLengthMax);
        var width = rng.Range(options.RoomWidthMin, options.RoomWidthMax);
        var height = rng.Range(options.RoomHeightMin, options.RoomHeightMax);
        var b = new SceneBuilder(rng);
        var pal = new Palette(rng, b);
        var room = new RoomLayout(rng, length, width, height);

        var wallMat = pal.Paint();
        var accent = rng.Chance(0.4) ? pal.Paint() : wallMat;
        var accentWall = rng.NextInt(4);
        var shellMats = new int[6];
        for (var w = 0; w < 4; w++) shellMats[w] = w == accentWall ? accent : wallMat;
        shellMats[4] = pal.Floor();
        shellMats[5] = pal.Ceiling();
        b.AddShell(length, width, height, shellMats);

        var windowWalls = new List<int>();
        AddOpenings(b, pal, rng, room, options, windowWalls);

        var furniture = new Furniture(b, pal, rng, room);
        if (rng.Chance(0.5)) furniture.Rug();
        int beds = 0, sofas = 0;
        for (var i = 0; i < options.FurnitureCount; i++)
        {
            switch (rng.NextInt(8))
            {
                case 0 when beds == 0: beds += furniture.Bed() ? 1 : 0; break;
                case 1 when sofas == 0: sofas += furniture.Sofa() ? 1 : 0; break;
                case 2: furniture.TableSet(); break;
                case 3: furniture.Shelf(); break;
                case 4: furniture.Cabinet(); break;
                case 5: furniture.Desk(); break;
                default: furniture.FloorObject(); break;
            }
        }
        var pictures = rng.NextInt(options.MaxPictures + 1);
        for (var i = 0; i < pictures; i++) furniture.WallPanel(tv: false);
        if (rng.Chance(0.25)) furniture.WallPanel(tv: true);

        var lights = new List<Light>();
        var lamps = rng.Chance(0.5) ? 2 : 1;
        for (var i = 0; i < lamps; i++)
        {
            var x = lamps == 1 ? length / 2 + rng.Range(-0.5, 0.5) : length * (i == 0 ? 0.3 : 0.7);
            var y = width / 2 + rng.Range(-0.5, 0.5);
            furniture.CeilingLamp(x, y);
            var warm = rng.Range(0.85, 1.0);
            lights.Add(new Light(false, (float)x, (float)y, (float)(height - 0.45), (float)(rng.Range(1.0, 1.5) / Math.Sqrt(lamps)),
                (float)rng.Range(0.05, 0.12), 1f, (float)warm, (float)(warm * warm)));
        }
        if (windowWalls.Count > 0)
        {
            // Sunlight through the first window: from outside that wall, from above.
            var n = WallInwardNormal(windowWalls[0]);
            var (c, s) = rng.Direction2();
            var elev = rng.Range(0.4, 0.8);
            var dir = new Vector3d(-n.X + 0.4 * c * Math.Abs(n.Y), -n.Y + 0.4 * s * Math.Abs(n.X), elev).Normalized();
            lights.Add(new Light(true, (float)dir.X, (float)dir.Y, (float)dir.Z, (float)rng.Range(0.15, 0.35), 0, 0.95f, 0.97f, 1f));
        }
        var ambient = rng.Range(options.AmbientMin, options.AmbientMax);
        return b.Build(seed, options, [.. lights], ambient);
    }

    private static Vector3d WallInwardNormal(int wall) => wall switch
    {
        0 => new Vector3d(1, 0, 0),
        1 => new Vector3d(-1, 0, 0),
        2 => new Vector3d(0, 1, 0),
        _ => new Vector3d(0, -1, 0),
    };

    private static void AddOpenings(SceneBuilder b, Palette pal, DetRandom rng, RoomLayout room, SceneOptions options, List<int> windowWalls)
    {
        // The door (label wall, as NYUv2's 40->13 map does) and then the windows.
        var windows = rng.NextInt(options.MaxWindows + 1);
        for (var i = 0; i <= windows; i++)
        {
            var door = i == 0;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var wall = rng.NextInt(4);
                var len = room.WallLength(wall);
                var w = door ? rng.Range(0.8, 1.0) : rng.Range(0.8, Math.Min(1.8, len - 0.6));
                var z0 = door ? 0 : rng.Range(0.7, 1.0);
                var z1 = door ? rng.Range(2.0, Math.Min(2.15, room.Height - 0.15)) : Math.Min(z0 + rng.Range(1.0, 1.4), room.Height - 0.2);
                if (w + 0.4 > len) continue;
                var a = rng.Range(w / 2 + 0.2, len - w / 2 - 0.2);
                if (!room.WallFree(wall, a - w / 2 - 0.1, a + w / 2 + 0.1, 0, room.Height)) continue;
                room.ReserveWall(wall, a - w / 2, a + w / 2, door ? 0 : z0 - 0.05, door ? room.Height : z1);
                var depth = door ? rng.Range(0.06, 0.12) : rng.Range(0.12, 0.25);
                double a0 = a - w / 2, a1 = a + w / 2;
                var (min, max) = wall switch
                {
                    0 => (new Vector3d(-depth, a0, z0), new Vector3d(0, a1, z1)),
                    1 => (new Vector3d(room.Length, a0, z0), new Vector3d(room.Length + depth, a1, z1)),
                    2 => (new Vector3d(a0, -depth, z0), new Vector3d(a1, 0, z1)),
                    _ => (new Vector3d(a0, room.Width, z0), new Vector3d(a1, room.Width + depth, z1)),
                };
                b.AddRecess(min, max, wall, door ? SemanticClass.Wall : SemanticClass.Window, door ? pal.Wood() : pal.Glass());
                if (door)
                {
                    // Keep the floor in front of the door free.
                    var f = room.WallFrame(wall, a);
                    var fp = f.Footprint(-w / 2, 0, w / 2, 1.0);
                    room.ReserveFloor(fp);
                }
                else
                {
                    windowWalls.Add(wall);
                }
                break;
            }
        }
    }
}
