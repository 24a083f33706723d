using CvM.Geometry;

namespace CvM.Synthetic.Internal;

/// <summary>Camera path generation (handheld, robot). Uses only deterministic math (DetMath, sqrt).</summary>
internal static class PathPlanner
{
    private const double DegToRad = Math.PI / 180;

    public static Pose3[] Handheld(Scene scene, int seed, int frameCount, CameraPathOptions o)
    {
        var rng = new DetRandom(seed ^ 0x4A3B2C1DL);
        var dt = 1 / o.FrameRate;
        var pos = FreePoint(scene, rng, o.HandheldHeightMin, o.HandheldHeightMax, o.MinClearance);
        var waypoint = NextWaypoint(scene, rng, pos, o);
        var target = LookTarget(scene, rng, pos);
        var forward = (target - pos).Normalized();
        var vel = Vector3d.Zero;
        var targetFrames = (int)(rng.Range(1.5, 4) * o.FrameRate);
        Span<double> phase = stackalloc double[6];
        Span<double> freq = stackalloc double[6];
        for (var i = 0; i < 6; i++)
        {
            phase[i] = rng.Range(0, 2 * Math.PI);
            freq[i] = rng.Range(0.3, 1.5);
        }
        var jitter = o.RotationJitterDeg * DegToRad;
        var poses = new Pose3[frameCount];
        for (var k = 0; k < frameCount; k++)
        {
            var time = k * dt;
            var jx = jitter * 0.5 * (DetMath.Sin(2 * Math.PI * freq[0] * time + phase[0]) + DetMath.Sin(2 * Math.PI * freq[1] * time + phase[1]));
            var jy = jitter * 0.5 * (DetMath.Sin(2 * Math.PI * freq[2] * time + phase[2]) + DetMath.Sin(2 * Math.PI * freq[3] * time + phase[3]));
            var jz = jitter * 0.5 * (DetMath.Sin(2 * Math.PI * freq[4] * time + phase[4]) + DetMath.Sin(2 * Math.PI * freq[5] * time + phase[5]));
            var q = LookRotation(forward) * SmallRotation(jx, jy, jz);
            poses[k] = new Pose3(q, pos);

            // Advance: move towards the waypoint with smoothed velocity, turn towards the look target.
            var toWp = waypoint - pos;
            var dist = toWp.Length;
            var desired = dist > 1e-9 ? toWp * (Math.Min(o.Speed, dist / dt) / dist) : Vector3d.Zero;
            vel = Vector3d.Lerp(vel, desired, 0.25);
            var next = pos + vel * dt;
            if (scene.Clearance(next) < o.MinClearance)
            {
                vel = Vector3d.Zero;
                waypoint = NextWaypoint(scene, rng, pos, o);
            }
            else
            {
                pos = next;
            }
            if ((waypoint - pos).Length < 0.15) waypoint = NextWaypoint(scene, rng, pos, o);
            if (--targetFrames <= 0)
            {
                target = LookTarget(scene, rng, pos);
                targetFrames = (int)(rng.Range(1.5, 4) * o.FrameRate);
            }
            var want = (target - pos).Normalized();
            forward = Vector3d.Lerp(forward, want, 0.08).Normalized();
            if (Math.Abs(forward.Z) > 0.8)
                forward = new Vector3d(forward.X, forward.Y, 0.8 * Math.Sign(forward.Z)).Normalized();
        }
        return poses;
    }

    public static Pose3[] Robot(Scene scene, int seed, int frameCount, CameraPathOptions o)
    {
        var rng = new DetRandom(seed ^ 0x1234567L);
        var dt = 1 / o.FrameRate;
        var h = o.RobotCameraHeight;
        var pos = FreePoint(scene, rng, h, h, o.MinClearance);
        var yaw = rng.Range(-Math.PI, Math.PI);
        var yawRate = 0.0;
        var maxRate = o.RobotMaxTurnRateDeg * DegToRad;
        var turnDir = 0;
        var tilt = o.RobotTiltDeg * DegToRad;
        var poses = new Pose3[frameCount];
        for (var k = 0; k < frameCount; k++)
        {
            var c = DetMath.Cos(yaw);
            var s = DetMath.Sin(yaw);
            var ct = DetMath.Cos(tilt);
            var st = DetMath.Sin(tilt);
            poses[k] = new Pose3(LookRotation(new Vector3d(c * ct, s * ct, -st)), pos);

            var heading = new Vector3d(c, s, 0);
            var next = pos + heading * (o.Speed * dt);
            var ahead = pos + heading * (o.MinClearance + 0.4);
            if (scene.Clearance(next) < o.MinClearance || scene.Clearance(ahead) < o.MinClearance)
            {
                // Blocked: turn in place towards the freer side.
                if (turnDir == 0)
                {
                    var left = pos + new Vector3d(DetMath.Cos(yaw + 0.8), DetMath.Sin(yaw + 0.8), 0) * 0.7;
                    var right = pos + new Vector3d(DetMath.Cos(yaw - 0.8), DetMath.Sin(yaw - 0.8), 0) * 0.7;
                    turnDir = scene.Clearance(left) >= scene.Clearance(right) ? 1 : -1;
                }
                yaw += turnDir * maxRate * dt;
                yawRate = 0;
            }
            else
            {
                turnDir = 0;
                pos = next;
                // Smooth random turning (Ornstein-Uhlenbeck yaw rate).
                yawRate += -yawRate * 0.5 * dt + maxRate * 0.6 * Math.Sqrt(dt) * rng.Gaussian();
                yawRate = Math.Clamp(yawRate, -maxRate, maxRate);
                yaw += yawRate * dt;
            }
        }
        return poses;
    }

    /// <summary>Camera-to-world rotation of an optical camera looking along <paramref name="forward"/>, no roll (world z up).</summary>
    public static UnitQuaternion LookRotation(Vector3d forward)
    {
        var f = forward.Normalized();
        var right = Vector3d.Cross(f, Vector3d.UnitZ);
        if (right.LengthSquared < 1e-12) right = Vector3d.UnitY * -1;
        right = right.Normalized();
        var down = Vector3d.Cross(f, right);
        Span<double> r = [right.X, down.X, f.X, right.Y, down.Y, f.Y, right.Z, down.Z, f.Z];
        return UnitQuaternion.FromRotationMatrix(r);
    }

    /// <summary>Rotation by small angles about the camera x, y and z axes (applied in that order), via DetMath.</summary>
    private static UnitQuaternion SmallRotation(double ax, double ay, double az)
    {
        var qx = new UnitQuaternion(DetMath.Cos(ax / 2), DetMath.Sin(ax / 2), 0, 0);
        var qy = new UnitQuaternion(DetMath.Cos(ay / 2), 0, DetMath.Sin(ay / 2), 0);
        var qz = new UnitQuaternion(DetMath.Cos(az / 2), 0, 0, DetMath.Sin(az / 2));
        return (qz * qy * qx).Normalized();
    }

    private static Vector3d FreePoint(Scene scene, DetRandom rng, double zMin, double zMax, double clearance)
    {
        var size = scene.RoomSize;
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var p = new Vector3d(rng.Range(0.3, size.X - 0.3), rng.Range(0.3, size.Y - 0.3), rng.Range(zMin, zMax));
            if (scene.Clearance(p) >= clearance) return p;
        }
        // The generator keeps a disc in the middle of the room free of furniture.
        var centre = new Vector3d(size.X / 2, size.Y / 2, zMin);
        if (scene.Clearance(centre) >= clearance) return centre;
        throw new InvalidOperationException($"no free camera position with clearance {clearance} m in scene {scene.Seed}");
    }

    private static Vector3d NextWaypoint(Scene scene, DetRandom rng, Vector3d from, CameraPathOptions o)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var p = FreePoint(scene, rng, o.HandheldHeightMin, o.HandheldHeightMax, o.MinClearance);
            var ok = true;
            for (var i = 1; i <= 20 && ok; i++)
                ok = scene.Clearance(Vector3d.Lerp(from, p, i / 20.0)) >= o.MinClearance;
            if (ok) return p;
        }
        return from;
    }

    private static Vector3d LookTarget(Scene scene, DetRandom rng, Vector3d from)
    {
        var size = scene.RoomSize;
        Vector3d p = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            p = new Vector3d(rng.Range(0.2, size.X - 0.2), rng.Range(0.2, size.Y - 0.2), rng.Range(0.2, 1.4));
            if ((p - from).Length > 1.2) return p;
        }
        return p;
    }
}
