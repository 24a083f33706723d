using CvM.Evaluation.Driver;
using SkiaSharp;

namespace CvM.Evaluation.Reports;

/// <summary>
/// Side-by-side previews of one frame for one depth source: RGB | ground-truth depth | predicted depth | AbsRel
/// error, written as PNG with SkiaSharp. Depth panels share one Turbo colour scale from
/// <see cref="PreviewStyle.MinDepthM"/> to <see cref="PreviewStyle.MaxDepthM"/>; the error panel maps
/// |pred - gt| / gt from 0 to <see cref="PreviewStyle.MaxAbsRel"/> with Inferno. Pixels without a value are black.
/// </summary>
public static class PreviewWriter
{
    /// <summary>Height of the caption strip above the panels (pixels).</summary>
    public const int CaptionHeight = 22;

    /// <summary>Writes the preview of <paramref name="frame"/> for source <paramref name="sourceName"/>; false when it has no prediction there.</summary>
    public static bool Write(PreviewFrame frame, string sourceName, string path, PreviewStyle style)
    {
        if (!frame.PredictionsM.TryGetValue(sourceName, out var pred)) return false;
        using var bitmap = Render(frame, sourceName, pred, style);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var stream = File.Create(path);
        data.SaveTo(stream);
        return true;
    }

    /// <summary>Renders the four panels into a new bitmap (the caller owns and disposes it).</summary>
    public static SKBitmap Render(PreviewFrame frame, string sourceName, float[] predM, PreviewStyle style)
    {
        int s = style.Downsample;
        int w = frame.K.Width / s, h = frame.K.Height / s;
        var bitmap = new SKBitmap(4 * w, h + CaptionHeight, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var font = new SKFont(SKTypeface.Default, 14);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            string[] captions =
            [
                $"frame {frame.Index} RGB", $"ground truth {style.MinDepthM:0.#}-{style.MaxDepthM:0.#} m",
                $"{sourceName}", $"AbsRel 0-{style.MaxAbsRel:0.##}",
            ];
            for (int p = 0; p < 4; p++) canvas.DrawText(captions[p], p * w + 4, CaptionHeight - 6, font, paint);
        }
        var turbo = Lut(new ScottPlot.Colormaps.Turbo());
        var inferno = Lut(new ScottPlot.Colormaps.Inferno());
        var gt = frame.GroundTruthDepthM;
        int fw = frame.K.Width;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = y * s * fw + x * s;
                int row = y + CaptionHeight;
                bitmap.SetPixel(x, row, frame.Rgb8.Length == 0 ? SKColors.Gray
                    : new SKColor(frame.Rgb8[3 * i], frame.Rgb8[3 * i + 1], frame.Rgb8[3 * i + 2]));
                bitmap.SetPixel(w + x, row, DepthColor(gt[i], style, turbo));
                bitmap.SetPixel(2 * w + x, row, DepthColor(predM[i], style, turbo));
                bool ok = gt[i] > 0 && float.IsFinite(gt[i]) && float.IsFinite(predM[i]);
                bitmap.SetPixel(3 * w + x, row, ok ? Lookup(inferno, Math.Abs(predM[i] - gt[i]) / gt[i] / style.MaxAbsRel) : SKColors.Black);
            }
        }
        return bitmap;
    }

    private static SKColor DepthColor(float d, PreviewStyle style, SKColor[] lut) =>
        d > 0 && float.IsFinite(d) ? Lookup(lut, (d - style.MinDepthM) / (style.MaxDepthM - style.MinDepthM)) : SKColors.Black;

    private static SKColor Lookup(SKColor[] lut, double fraction) =>
        lut[(int)Math.Round(Math.Clamp(double.IsNaN(fraction) ? 0 : fraction, 0, 1) * (lut.Length - 1))];

    private static SKColor[] Lut(ScottPlot.IColormap map)
    {
        var lut = new SKColor[256];
        for (int i = 0; i < lut.Length; i++)
        {
            var c = map.GetColor(i / 255.0);
            lut[i] = new SKColor(c.R, c.G, c.B);
        }
        return lut;
    }
}
