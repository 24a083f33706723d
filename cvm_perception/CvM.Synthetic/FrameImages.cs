namespace CvM.Synthetic;

/// <summary>
/// Writes a rendered frame as PNG files for inspection: colour, depth (grey, near = bright), labels (a fixed
/// colour per class) and normals (rgb = (n + 1) / 2). A debugging aid: allocates per call.
/// </summary>
public static class FrameImages
{
    private static readonly byte[] ClassColours =
    [
        0, 0, 0, 190, 60, 60, 230, 160, 40, 240, 240, 240, 60, 170, 60, 120, 80, 40, 150, 110, 70, 220, 60, 220,
        250, 230, 80, 40, 120, 200, 200, 120, 60, 40, 40, 40, 160, 160, 200, 90, 200, 250,
    ];

    /// <summary>Writes <c>{prefix}_rgb.png</c>, <c>_depth.png</c>, <c>_labels.png</c>, <c>_normals.png</c> into <paramref name="directory"/>.</summary>
    public static void WritePngs(FrameBuffers fb, string directory, string prefix, float maxDepthMeters = 8f)
    {
        ArgumentNullException.ThrowIfNull(fb);
        Directory.CreateDirectory(directory);
        var n = fb.Width * fb.Height;
        File.WriteAllBytes(Path.Combine(directory, prefix + "_rgb.png"), PngEncoder.Encode(fb.RgbHW3, fb.Width, fb.Height, 3));
        var grey = new byte[n];
        var rgb = new byte[n * 3];
        for (var i = 0; i < n; i++)
        {
            var d = fb.DepthHW[i];
            grey[i] = d <= 0 ? (byte)0 : (byte)(255 * Math.Clamp(1 - d / maxDepthMeters, 0, 1));
        }
        File.WriteAllBytes(Path.Combine(directory, prefix + "_depth.png"), PngEncoder.Encode(grey, fb.Width, fb.Height, 1));
        for (var i = 0; i < n; i++)
        {
            var c = Math.Min((int)fb.LabelsHW[i], 13) * 3;
            rgb[i * 3] = ClassColours[c];
            rgb[i * 3 + 1] = ClassColours[c + 1];
            rgb[i * 3 + 2] = ClassColours[c + 2];
        }
        File.WriteAllBytes(Path.Combine(directory, prefix + "_labels.png"), PngEncoder.Encode(rgb, fb.Width, fb.Height, 3));
        for (var i = 0; i < n * 3; i++) rgb[i] = (byte)Math.Clamp((fb.NormalsHW3[i] + 1) * 127.5f, 0, 255);
        File.WriteAllBytes(Path.Combine(directory, prefix + "_normals.png"), PngEncoder.Encode(rgb, fb.Width, fb.Height, 3));
    }
}
