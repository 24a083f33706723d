namespace CvM.Training.Data;

/// <summary>
/// A small built-in ray-cast scene source (used by the tests and until/alongside the CvM.Synthetic generator):
/// a box-shaped room (floor, ceiling, four walls) with 1-3 furniture boxes, every face textured with random
/// sinusoids, seen by a reference camera and two source cameras 0.08-0.3 m away. World frame: y down (optical-like).
/// Depth is exact z-depth; normals exact; labels NYUv2 ids (floor 5, ceiling 3, wall 12, furniture 6, table 10).
/// </summary>
public sealed class BoxRoomSource(int seed, int width, int height, double hfovDeg = 70) : ITripletSource
{
    private readonly record struct Box(double X0, double Y0, double Z0, double X1, double Y1, double Z1, byte Label, bool Inside, double[] Tex);

    /// <inheritdoc />
    public ViewTriplet Get(long index)
    {
        var rng = new Random(SeedMix.Seed(seed, index));
        var (boxes, room) = MakeRoom(rng);
        double fx = width / 2.0 / Math.Tan(hfovDeg * Math.PI / 360), cx = width / 2.0 - 0.5, cy = height / 2.0 - 0.5;
        // Reference camera inside the room, looking roughly along +z.
        double[] T_world_ref = Rigid.FromEuler(rng.NextDouble() * 1.2 - 0.6, rng.NextDouble() * 0.4 - 0.2, rng.NextDouble() * 0.1 - 0.05,
            (rng.NextDouble() - 0.5) * room.X * 0.6, -0.2 - rng.NextDouble() * 0.6, -0.5 + rng.NextDouble() * 1.0);
        double[] Src(Random r)
        {
            double b = 0.08 + r.NextDouble() * 0.22, a = r.NextDouble() * 2 * Math.PI;
            var rel = Rigid.FromEuler((r.NextDouble() - 0.5) * 0.12, (r.NextDouble() - 0.5) * 0.08, (r.NextDouble() - 0.5) * 0.04,
                b * Math.Cos(a), b * Math.Sin(a) * 0.3, (r.NextDouble() - 0.5) * b);
            return Rigid.Mul(T_world_ref, rel);
        }
        var T_world_s1 = Src(rng);
        var T_world_s2 = Src(rng);
        var refView = Render(boxes, T_world_ref, fx, cx, cy);
        var s1 = Render(boxes, T_world_s1, fx, cx, cy);
        var s2 = Render(boxes, T_world_s2, fx, cx, cy);
        float[] k = [(float)fx, 0, (float)cx, 0, (float)fx, (float)cy, 0, 0, 1];
        float[] invK = [(float)(1 / fx), 0, (float)(-cx / fx), 0, (float)(1 / fx), (float)(-cy / fx), 0, 0, 1];
        return new ViewTriplet(refView.Rgb, s1.Rgb, s2.Rgb, refView.Depth, refView.Labels, refView.Normals, k, invK,
            Rigid.ToFloat(Rigid.Mul(Rigid.Inverse(T_world_s1), T_world_ref)), Rigid.ToFloat(Rigid.Mul(Rigid.Inverse(T_world_s2), T_world_ref)),
            height, width);
    }

    private static (List<Box> Boxes, (double X, double Z) Room) MakeRoom(Random rng)
    {
        double w = 3 + rng.NextDouble() * 3, l = 4 + rng.NextDouble() * 4, floorY = 1.2 + rng.NextDouble() * 0.4, ceilY = -1.2 - rng.NextDouble() * 0.6;
        double[] Tex() => Enumerable.Range(0, 15).Select(_ => rng.NextDouble()).ToArray();
        var boxes = new List<Box> { new(-w / 2, ceilY, -1.5, w / 2, floorY, l, 0, true, Tex()) };
        int n = 1 + rng.Next(3);
        for (int i = 0; i < n; i++)
        {
            double bw = 0.4 + rng.NextDouble() * 1.0, bh = 0.4 + rng.NextDouble() * 0.8, bd = 0.4 + rng.NextDouble() * 0.8;
            double x = (rng.NextDouble() - 0.5) * (w - bw), z = 1.0 + rng.NextDouble() * (l - 2.0);
            boxes.Add(new Box(x - bw / 2, floorY - bh, z, x + bw / 2, floorY, z + bd, rng.Next(2) == 0 ? (byte)6 : (byte)10, false, Tex()));
        }
        return (boxes, (w, l));
    }

    private (float[] Rgb, float[] Depth, byte[] Labels, float[] Normals) Render(List<Box> boxes, double[] T_world_cam, double f, double cx, double cy)
    {
        int n = width * height;
        var rgb = new float[3 * n];
        var depth = new float[n];
        var labels = new byte[n];
        var normals = new float[3 * n];
        double ox = T_world_cam[3], oy = T_world_cam[7], oz = T_world_cam[11];
        for (int v = 0; v < height; v++)
            for (int u = 0; u < width; u++)
            {
                double rx = (u - cx) / f, ry = (v - cy) / f;
                double dx = T_world_cam[0] * rx + T_world_cam[1] * ry + T_world_cam[2];
                double dy = T_world_cam[4] * rx + T_world_cam[5] * ry + T_world_cam[6];
                double dz = T_world_cam[8] * rx + T_world_cam[9] * ry + T_world_cam[10];
                double best = double.MaxValue;
                int axis = -1, sign = 0, hitBox = -1;
                for (int b = 0; b < boxes.Count; b++)
                {
                    var bx = boxes[b];
                    if (Hit(bx, ox, oy, oz, dx, dy, dz, out var t, out var ax, out var sg) && t < best)
                    {
                        best = t; axis = ax; sign = sg; hitBox = b;
                    }
                }
                int i = v * width + u;
                if (hitBox < 0) continue;
                var box = boxes[hitBox];
                double px = ox + best * dx, py = oy + best * dy, pz = oz + best * dz;
                depth[i] = (float)best; // ray has unit z in the camera, so t is the z-depth
                labels[i] = box.Label != 0 ? box.Label : axis == 1 ? (sign < 0 ? (byte)5 : (byte)3) : (byte)12;
                double nx = axis == 0 ? sign : 0, ny = axis == 1 ? sign : 0, nz = axis == 2 ? sign : 0;
                // Camera-frame normal: R^T n.
                normals[i] = (float)(T_world_cam[0] * nx + T_world_cam[4] * ny + T_world_cam[8] * nz);
                normals[n + i] = (float)(T_world_cam[1] * nx + T_world_cam[5] * ny + T_world_cam[9] * nz);
                normals[2 * n + i] = (float)(T_world_cam[2] * nx + T_world_cam[6] * ny + T_world_cam[10] * nz);
                double a = axis == 0 ? py : px, c = axis == 2 ? py : pz;
                var tx = box.Tex;
                double tex = 0.5 + 0.22 * Math.Sin(a * (3 + 20 * tx[0]) + tx[1] * 6) + 0.18 * Math.Sin(c * (3 + 20 * tx[2]) + tx[3] * 6)
                    + 0.1 * Math.Sin((a + c) * (8 + 30 * tx[4])) * Math.Sin((a - c) * (6 + 25 * tx[5]));
                double shade = 0.75 + 0.25 * Math.Abs(ny + 0.5 * nx);
                for (int ch = 0; ch < 3; ch++)
                    rgb[ch * n + i] = (float)Math.Clamp((0.25 + 0.7 * tx[6 + ch + 3 * (axis % 2)]) * tex * shade, 0, 1);
            }
        return (rgb, depth, labels, normals);
    }

    private static bool Hit(Box b, double ox, double oy, double oz, double dx, double dy, double dz, out double t, out int axis, out int sign)
    {
        double[] o = [ox, oy, oz], d = [dx, dy, dz], lo = [b.X0, b.Y0, b.Z0], hi = [b.X1, b.Y1, b.Z1];
        double tNear = double.MinValue, tFar = double.MaxValue;
        int nearAxis = 0, farAxis = 0;
        for (int k = 0; k < 3; k++)
        {
            if (Math.Abs(d[k]) < 1e-12)
            {
                if (o[k] < lo[k] || o[k] > hi[k]) { t = 0; axis = 0; sign = 0; return false; }
                continue;
            }
            double t0 = (lo[k] - o[k]) / d[k], t1 = (hi[k] - o[k]) / d[k];
            if (t0 > t1) (t0, t1) = (t1, t0);
            if (t0 > tNear) { tNear = t0; nearAxis = k; }
            if (t1 < tFar) { tFar = t1; farAxis = k; }
        }
        if (tNear > tFar) { t = 0; axis = 0; sign = 0; return false; }
        if (b.Inside)
        {
            t = tFar; axis = farAxis; sign = d[farAxis] > 0 ? -1 : 1; // inside the room: the far face, normal facing back
            return tFar > 1e-6;
        }
        t = tNear; axis = nearAxis; sign = d[nearAxis] > 0 ? -1 : 1;
        return tNear > 1e-6;
    }
}
