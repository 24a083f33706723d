namespace CvM.Node.Replay;

/// <summary>Colour maps for previews (rgb8).</summary>
public static class ColorMaps
{
    /// <summary>Depth to a blue (near) .. red (far) ramp over [<paramref name="minM"/>, <paramref name="maxM"/>]; NaN black.</summary>
    public static void Depth(ReadOnlySpan<float> depthM, Span<byte> rgb, float minM, float maxM)
    {
        for (var i = 0; i < depthM.Length; i++)
        {
            var d = depthM[i];
            if (!float.IsFinite(d))
            {
                rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = 0;
                continue;
            }
            var t = Math.Clamp((d - minM) / (maxM - minM), 0f, 1f);
            // piecewise-linear jet: blue -> cyan -> yellow -> red
            rgb[3 * i] = (byte)(255 * Math.Clamp(1.5f - Math.Abs(4 * t - 3), 0, 1));
            rgb[3 * i + 1] = (byte)(255 * Math.Clamp(1.5f - Math.Abs(4 * t - 2), 0, 1));
            rgb[3 * i + 2] = (byte)(255 * Math.Clamp(1.5f - Math.Abs(4 * t - 1), 0, 1));
        }
    }
}
