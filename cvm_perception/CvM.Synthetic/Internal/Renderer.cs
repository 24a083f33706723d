namespace CvM.Synthetic.Internal;

/// <summary>Per-frame camera constants for the ray caster (single precision copies of pose and intrinsics).</summary>
internal readonly record struct FrameParams(
    float R00, float R01, float R02, float R10, float R11, float R12, float R20, float R21, float R22,
    float Ox, float Oy, float Oz, float Fx, float Fy, float Cx, float Cy, int Width, int Height, uint NoiseSeed);

/// <summary>
/// The ray caster: renders rows [v0, v1) of a frame. Every pixel's result depends only on the scene, the
/// frame parameters and the pixel, so any row split gives identical bytes. Face codes: room shell and recess,
/// the exit face axis * 2 + (1 at the max side); box, the entry face axis * 2 + (1 at the positive side);
/// cylinder, 0 side, 1 top cap, 2 bottom cap; sphere, 0.
/// </summary>
internal static class Renderer
{
    public static void RenderRows(SceneData s, in FrameParams f, FrameBuffers fb, int v0, int v1)
    {
        var prims = s.Prims;
        var groups = s.Groups;
        var rects = fb.GroupRects;
        Span<int> rowGroups = groups.Length <= 256 ? stackalloc int[groups.Length] : new int[groups.Length];
        var shellInside = RayCast.InsideAabb(prims[0], f.Ox, f.Oy, f.Oz, -RayCast.Near);
        for (var v = v0; v < v1; v++)
        {
            var nRow = 0;
            for (var g = 0; g < groups.Length; g++)
                if (rects[g * 4 + 2] <= v && v <= rects[g * 4 + 3] && rects[g * 4] <= rects[g * 4 + 1]) rowGroups[nRow++] = g;
            var yc = (v - f.Cy) / f.Fy;
            for (var u = 0; u < f.Width; u++)
            {
                var xc = (u - f.Cx) / f.Fx;
                var dx = f.R00 * xc + f.R01 * yc + f.R02;
                var dy = f.R10 * xc + f.R11 * yc + f.R12;
                var dz = f.R20 * xc + f.R21 * yc + f.R22;
                var best = float.PositiveInfinity;
                var id = -1;
                var face = -1;
                if (shellInside)
                {
                    best = RayCast.InsideOut(prims[0], f.Ox, f.Oy, f.Oz, dx, dy, dz, out face);
                    id = float.IsPositiveInfinity(best) ? -1 : 0;
                    if (id == 0 && face < 4)
                    {
                        float px = f.Ox + best * dx, py = f.Oy + best * dy, pz = f.Oz + best * dz;
                        for (var r = 1; r <= s.RecessCount; r++)
                        {
                            if (!RayCast.InsideAabb(prims[r], px, py, pz, 1e-4f)) continue;
                            var tr = RayCast.InsideOut(prims[r], f.Ox, f.Oy, f.Oz, dx, dy, dz, out var fr);
                            if (float.IsPositiveInfinity(tr)) continue;
                            best = tr;
                            id = r;
                            face = fr;
                            break;
                        }
                    }
                }
                for (var k = 0; k < nRow; k++)
                {
                    var g = rowGroups[k];
                    if (u < rects[g * 4] || u > rects[g * 4 + 1]) continue;
                    var grp = groups[g];
                    for (var i = grp.First; i < grp.First + grp.Count; i++)
                    {
                        ref readonly var p = ref prims[i];
                        float t;
                        int fc;
                        switch (p.Kind)
                        {
                            case PrimitiveKind.Box: t = RayCast.Box(p, f.Ox, f.Oy, f.Oz, dx, dy, dz, best, out fc); break;
                            case PrimitiveKind.Cylinder: t = RayCast.Cylinder(p, f.Ox, f.Oy, f.Oz, dx, dy, dz, best, out fc); break;
                            default: t = RayCast.Sphere(p, f.Ox, f.Oy, f.Oz, dx, dy, dz, best, out fc); break;
                        }
                        if (t < best)
                        {
                            best = t;
                            id = i;
                            face = fc;
                        }
                    }
                }
                var pix = v * f.Width + u;
                if (id < 0)
                {
                    WriteMiss(fb, pix);
                    continue;
                }
                Shade(s, f, fb, pix, id, face, best, dx, dy, dz);
            }
        }
    }

    private static void WriteMiss(FrameBuffers fb, int pix)
    {
        fb.DepthHW[pix] = 0;
        fb.LabelsHW[pix] = 0;
        fb.PrimitiveIdsHW[pix] = -1;
        fb.NormalsHW3[pix * 3] = 0;
        fb.NormalsHW3[pix * 3 + 1] = 0;
        fb.NormalsHW3[pix * 3 + 2] = 0;
        fb.RgbHW3[pix * 3] = 0;
        fb.RgbHW3[pix * 3 + 1] = 0;
        fb.RgbHW3[pix * 3 + 2] = 0;
    }

    private static void Shade(SceneData s, in FrameParams f, FrameBuffers fb, int pix, int id, int face, float t,
        float dx, float dy, float dz)
    {
        ref readonly var p = ref s.Prims[id];
        float px = f.Ox + t * dx, py = f.Oy + t * dy, pz = f.Oz + t * dz;
        float nx, ny, nz, ts, tt;
        SemanticClass label;
        int material;
        switch (p.Kind)
        {
            case PrimitiveKind.RoomShell:
            case PrimitiveKind.Recess:
                {
                    var axis = face >> 1;
                    var sign = (face & 1) == 1 ? -1f : 1f; // inward normal
                    nx = axis == 0 ? sign : 0;
                    ny = axis == 1 ? sign : 0;
                    nz = axis == 2 ? sign : 0;
                    (ts, tt) = axis == 0 ? (py, pz) : axis == 1 ? (px, pz) : (px, py);
                    if (p.Kind == PrimitiveKind.RoomShell)
                    {
                        label = face == 4 ? SemanticClass.Floor : face == 5 ? SemanticClass.Ceiling : SemanticClass.Wall;
                        material = s.ShellMaterials[face];
                    }
                    else if (face == s.RecessBackFace[id])
                    {
                        label = p.Label;
                        material = p.Material;
                    }
                    else
                    {
                        label = SemanticClass.Wall;
                        material = s.ShellMaterials[s.RecessBackFace[id]];
                    }
                    break;
                }
            case PrimitiveKind.Box:
                {
                    float rx = px - p.Cx, ry = py - p.Cy;
                    var lx = p.Cos * rx + p.Sin * ry;
                    var ly = -p.Sin * rx + p.Cos * ry;
                    var lz = pz - p.Cz;
                    var axis = face >> 1;
                    var sign = (face & 1) == 1 ? 1f : -1f;
                    var nlx = axis == 0 ? sign : 0;
                    var nly = axis == 1 ? sign : 0;
                    nx = p.Cos * nlx - p.Sin * nly;
                    ny = p.Sin * nlx + p.Cos * nly;
                    nz = axis == 2 ? sign : 0;
                    (ts, tt) = axis == 0 ? (ly + p.Hy, lz + p.Hz) : axis == 1 ? (lx + p.Hx, lz + p.Hz) : (lx + p.Hx, ly + p.Hy);
                    label = p.Label;
                    material = p.Material;
                    break;
                }
            case PrimitiveKind.Cylinder:
                {
                    float lx = px - p.Cx, ly = py - p.Cy, lz = pz - p.Cz;
                    if (face == 0)
                    {
                        var inv = 1f / MathF.Sqrt(lx * lx + ly * ly);
                        nx = lx * inv;
                        ny = ly * inv;
                        nz = 0;
                        ts = PseudoAngle(nx, ny) * p.Hx;
                        tt = lz + p.Hz;
                    }
                    else
                    {
                        nx = 0;
                        ny = 0;
                        nz = face == 1 ? 1 : -1;
                        ts = lx;
                        tt = ly;
                    }
                    label = p.Label;
                    material = p.Material;
                    break;
                }
            default:
                {
                    float lx = px - p.Cx, ly = py - p.Cy, lz = pz - p.Cz;
                    var inv = 1f / MathF.Sqrt(lx * lx + ly * ly + lz * lz);
                    nx = lx * inv;
                    ny = ly * inv;
                    nz = lz * inv;
                    ts = lx + lz;
                    tt = ly - lz;
                    label = p.Label;
                    material = p.Material;
                    break;
                }
        }

        fb.DepthHW[pix] = t;
        fb.LabelsHW[pix] = (byte)label;
        fb.PrimitiveIdsHW[pix] = id;
        // Normal in the camera frame: R^T n.
        fb.NormalsHW3[pix * 3] = f.R00 * nx + f.R10 * ny + f.R20 * nz;
        fb.NormalsHW3[pix * 3 + 1] = f.R01 * nx + f.R11 * ny + f.R21 * nz;
        fb.NormalsHW3[pix * 3 + 2] = f.R02 * nx + f.R12 * ny + f.R22 * nz;

        Textures.Albedo(s.Materials[material], ts, tt, out var ar, out var ag, out var ab);
        float lr = s.Ambient, lg = s.Ambient, lb = s.Ambient;
        foreach (var light in s.Lights)
        {
            float ndotl;
            if (light.Directional)
            {
                ndotl = light.Intensity * (nx * light.X + ny * light.Y + nz * light.Z);
            }
            else
            {
                float lx = light.X - px, ly = light.Y - py, lz = light.Z - pz;
                var d2 = lx * lx + ly * ly + lz * lz;
                ndotl = light.Intensity * (nx * lx + ny * ly + nz * lz) / (MathF.Sqrt(d2) * (1f + light.Falloff * d2));
            }
            if (ndotl <= 0) continue;
            lr += ndotl * light.R;
            lg += ndotl * light.G;
            lb += ndotl * light.B;
        }
        var h = Hash.U32((uint)pix, f.NoiseSeed, s.NoiseSalt);
        var h2 = Hash.U32(h, 0x51ED27u, s.NoiseSalt);
        var k = s.NoiseStd * 2.4494897f / 65536f; // triangular noise of the given std
        fb.RgbHW3[pix * 3] = ToByte(255f * ar * lr + k * ((h & 0xFFFF) + (h >> 16) - 65535f));
        fb.RgbHW3[pix * 3 + 1] = ToByte(255f * ag * lg + k * ((h2 & 0xFFFF) + (h2 >> 16) - 65535f));
        fb.RgbHW3[pix * 3 + 2] = ToByte(255f * ab * lb + k * (((h ^ h2) & 0xFFFF) + ((h ^ (h2 << 7)) >> 16) - 65535f));
    }

    private static byte ToByte(float x) => x <= 0 ? (byte)0 : x >= 255f ? (byte)255 : (byte)(x + 0.5f);

    /// <summary>A monotonic stand-in for the polar angle (range [0, 4)), no trigonometry.</summary>
    private static float PseudoAngle(float x, float y)
    {
        var d = MathF.Abs(x) + MathF.Abs(y);
        var a = d > 0 ? x / d : 1f;
        return y >= 0 ? 1f - a : 3f + a;
    }
}
