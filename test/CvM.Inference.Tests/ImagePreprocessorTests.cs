namespace CvM.Inference.Tests;

public sealed class ImagePreprocessorTests
{
    private static readonly ImageEncoding[] ColourEncodings = [ImageEncoding.Rgb8, ImageEncoding.Bgr8, ImageEncoding.Rgba8, ImageEncoding.Bgra8];

    private static float[] Run(ImagePreprocessor pre, byte[] data, int w, int h, int step, ImageEncoding enc, bool bigEndian = false)
    {
        var t = new float[3 * pre.Width * pre.Height];
        Assert.Equal(FrameRejection.None, pre.ToPlanarRgb(new CameraImage(data, w, h, step, enc, bigEndian), t));
        return t;
    }

    [Theory]
    [InlineData(40, 30)] // same size: no resize
    [InlineData(64, 48)] // area resize to 40x30
    [InlineData(101, 77)] // odd factor
    public void ToPlanarRgb_ColourEncodingsOfSamePixels_IdenticalTensors(int w, int h)
    {
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var rgb = TestImages.Rgb(w, h, 1);
        var reference = Run(pre, TestImages.Encode(rgb, w, h, ImageEncoding.Rgb8, 0, out var s0), w, h, s0, ImageEncoding.Rgb8);
        foreach (var enc in ColourEncodings)
        {
            var data = TestImages.Encode(rgb, w, h, enc, 0, out var step);
            Assert.Equal(reference, Run(pre, data, w, h, step, enc));
        }
    }

    [Fact]
    public void ToPlanarRgb_SameSizeKnownPixels_ExactNormalisedValues()
    {
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var rgb = TestImages.Rgb(40, 30, 2);
        var t = Run(pre, rgb, 40, 30, 120, ImageEncoding.Rgb8);
        var n = 40 * 30;
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(rgb[3 * i] / 255f, t[i]);
            Assert.Equal(rgb[3 * i + 1] / 255f, t[n + i]);
            Assert.Equal(rgb[3 * i + 2] / 255f, t[2 * n + i]);
        }
    }

    [Fact]
    public void ToPlanarRgb_MonoEncodingsSameSize_EqualGreyOfColourImage()
    {
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var grey = TestImages.RedAsGrey(TestImages.Rgb(40, 30, 3));
        var expected = Run(pre, grey, 40, 30, 120, ImageEncoding.Rgb8);
        Assert.Equal(expected, Run(pre, TestImages.Encode(grey, 40, 30, ImageEncoding.Mono8, 0, out var s8), 40, 30, s8, ImageEncoding.Mono8));
        Assert.Equal(expected, Run(pre, TestImages.Encode(grey, 40, 30, ImageEncoding.Mono16, 0, out var s16), 40, 30, s16, ImageEncoding.Mono16));
        Assert.Equal(expected, Run(pre, TestImages.Encode(grey, 40, 30, ImageEncoding.Mono16, 0, out var sb, bigEndian: true), 40, 30, sb, ImageEncoding.Mono16, bigEndian: true));
    }

    [Fact]
    public void ToPlanarRgb_MonoEncodingsResized_WithinHalfAGreyLevelOfColour()
    {
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var grey = TestImages.RedAsGrey(TestImages.Rgb(101, 77, 4));
        var expected = Run(pre, grey, 101, 77, 303, ImageEncoding.Rgb8);
        var m8 = Run(pre, TestImages.Encode(grey, 101, 77, ImageEncoding.Mono8, 0, out var s8), 101, 77, s8, ImageEncoding.Mono8);
        Assert.Equal(expected, m8);
        // 16-bit resizing keeps sub-grey-level precision that 8-bit rounds away.
        var m16 = Run(pre, TestImages.Encode(grey, 101, 77, ImageEncoding.Mono16, 0, out var s16), 101, 77, s16, ImageEncoding.Mono16);
        var m16be = Run(pre, TestImages.Encode(grey, 101, 77, ImageEncoding.Mono16, 0, out var sb, bigEndian: true), 101, 77, sb, ImageEncoding.Mono16, bigEndian: true);
        Assert.Equal(m16, m16be);
        for (var i = 0; i < expected.Length; i++) Assert.InRange(Math.Abs(m16[i] - expected[i]), 0, 0.5f / 255 + 1e-6f);
    }

    [Fact]
    public void ToPlanarRgb_RowPadding_SameAsPacked()
    {
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var rgb = TestImages.Rgb(64, 48, 5);
        foreach (var enc in ColourEncodings.Append(ImageEncoding.Mono8).Append(ImageEncoding.Mono16))
        {
            var packed = TestImages.Encode(rgb, 64, 48, enc, 0, out var ps);
            var padded = TestImages.Encode(rgb, 64, 48, enc, ps + 7, out var pads);
            Assert.Equal(Run(pre, packed, 64, 48, ps, enc), Run(pre, padded, 64, 48, pads, enc));
        }
    }

    [Fact]
    public void ToPlanarRgb_AreaDownscale_MatchesIndependentAreaAverageWithinFloatPrecision()
    {
        const int w = 160, h = 120, mw = 40, mh = 32; // factors 4 and 3.75
        using var pre = new ImagePreprocessor(mw, mh, PixelNormalisation.UnitRange);
        var rgb = TestImages.Rgb(w, h, 6);
        var t = Run(pre, rgb, w, h, 3 * w, ImageEncoding.Rgb8);
        var expected = AreaAverage(rgb, w, h, mw, mh);
        for (var i = 0; i < t.Length; i++) Assert.InRange(Math.Abs(t[i] - expected[i]), 0, 2e-6);
    }

    [Fact]
    public void ToPlanarRgb_ConstantImageFractionalFactor_ConstantTensorWithinFloatRounding()
    {
        // Fractional coverages are summed in float: the mean is exact up to a few ulps (no rounding to 8 bits).
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var t = Run(pre, TestImages.Grey(97, 61, 200), 97, 61, 97 * 3, ImageEncoding.Rgb8);
        Assert.All(t, v => Assert.Equal(200 / 255f, v, 6));
    }

    [Theory]
    [InlineData(ImageEncoding.Rgb8)]
    [InlineData(ImageEncoding.Bgra8)]
    [InlineData(ImageEncoding.Mono8)]
    [InlineData(ImageEncoding.Mono16)]
    public void ToPlanarRgb_ConstantImageIntegerFactor_ExactValue(ImageEncoding enc)
    {
        // 640x480 to 128x96 (factor 5): every coverage weight is 1, the sums are exact integers, one division.
        using var pre = new ImagePreprocessor(128, 96, PixelNormalisation.UnitRange);
        var data = TestImages.Encode(TestImages.Grey(640, 480, 200), 640, 480, enc, 0, out var step);
        Assert.All(Run(pre, data, 640, 480, step, enc), v => Assert.Equal(200 / 255f, v));
    }

    [Theory]
    [InlineData(128, 96)]
    [InlineData(160, 128)]
    public void ToPlanarRgb_Camera640x480_MatchesIndependentAreaAverageWithinFloatPrecision(int mw, int mh)
    {
        using var pre = new ImagePreprocessor(mw, mh, PixelNormalisation.UnitRange);
        var rgb = TestImages.Rgb(640, 480, 8);
        var t = Run(pre, rgb, 640, 480, 3 * 640, ImageEncoding.Rgb8);
        var expected = AreaAverage(rgb, 640, 480, mw, mh);
        for (var i = 0; i < t.Length; i++) Assert.InRange(Math.Abs(t[i] - expected[i]), 0, 2e-6);
    }

    [Theory]
    [InlineData(ImageEncoding.Rgb8)]
    [InlineData(ImageEncoding.Mono16)]
    public void ToPlanarRgb_CameraSmallerThanModel_OpenCvResizeKeepsConstantAndChannelOrder(ImageEncoding enc)
    {
        using var pre = new ImagePreprocessor(40, 30, PixelNormalisation.UnitRange);
        var rgb = TestImages.Grey(20, 15, 0);
        for (var i = 0; i < rgb.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (200, 100, 50);
        var data = TestImages.Encode(rgb, 20, 15, enc, 0, out var step);
        var t = Run(pre, data, 20, 15, step, enc);
        var n = 40 * 30;
        var expected = enc == ImageEncoding.Mono16 ? new[] { 200 / 255f, 200 / 255f, 200 / 255f } : [200 / 255f, 100 / 255f, 50 / 255f];
        for (var c = 0; c < 3; c++) Assert.All(t.AsSpan(c * n, n).ToArray(), v => Assert.Equal(expected[c], v, 6));
    }

    [Fact]
    public void ToPlanarRgb_MeanStdNormalisation_Applied()
    {
        var norm = PixelNormalisation.Parse("RGB in [0,1], mean=0.5/0.25/0 std=0.5/0.25/2");
        using var pre = new ImagePreprocessor(4, 2, norm);
        var t = Run(pre, TestImages.Grey(4, 2, 255), 4, 2, 12, ImageEncoding.Rgb8);
        Assert.All(t.AsSpan(0, 8).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(t.AsSpan(8, 8).ToArray(), v => Assert.Equal(3f, v));
        Assert.All(t.AsSpan(16, 8).ToArray(), v => Assert.Equal(0.5f, v));
    }

    [Theory]
    [InlineData(ImageEncoding.Unsupported, 8, 6, 24, 144, FrameRejection.UnsupportedEncoding)]
    [InlineData((ImageEncoding)99, 8, 6, 24, 144, FrameRejection.UnsupportedEncoding)]
    [InlineData(ImageEncoding.Rgb8, 0, 6, 24, 144, FrameRejection.ZeroSize)]
    [InlineData(ImageEncoding.Rgb8, 8, 0, 24, 144, FrameRejection.ZeroSize)]
    [InlineData(ImageEncoding.Rgb8, 8, 6, 23, 144, FrameRejection.StepTooSmall)]
    [InlineData(ImageEncoding.Rgb8, 8, 6, 24, 143, FrameRejection.DataTooShort)]
    [InlineData(ImageEncoding.Mono16, 8, 6, 16, 95, FrameRejection.DataTooShort)]
    [InlineData(ImageEncoding.Rgba8, -8, 6, 32, 192, FrameRejection.ZeroSize)]
    public void ToPlanarRgb_BadImage_TypedRejectionWithoutThrowing(ImageEncoding enc, int w, int h, int step, int bytes, FrameRejection expected)
    {
        using var pre = new ImagePreprocessor(4, 3, PixelNormalisation.UnitRange);
        var t = new float[36];
        Assert.Equal(expected, pre.ToPlanarRgb(new CameraImage(new byte[bytes], w, h, step, enc), t));
    }

    [Theory]
    [InlineData("rgb8", ImageEncoding.Rgb8)]
    [InlineData("bgra8", ImageEncoding.Bgra8)]
    [InlineData("16UC1", ImageEncoding.Mono16)]
    [InlineData("yuv422", ImageEncoding.Unsupported)]
    [InlineData("", ImageEncoding.Unsupported)]
    public void Parse_RosNames_MapsToEncoding(string name, ImageEncoding expected) => Assert.Equal(expected, ImageEncodingNames.Parse(name));

    /// <summary>Independent area average (exact fractional coverage) of RGB to planar [0,1].</summary>
    private static double[] AreaAverage(byte[] rgb, int w, int h, int ow, int oh)
    {
        var dst = new double[3 * ow * oh];
        double sx = (double)w / ow, sy = (double)h / oh;
        for (var v = 0; v < oh; v++)
            for (var u = 0; u < ow; u++)
            {
                double r = 0, g = 0, b = 0, sum = 0;
                for (var y = (int)Math.Floor(v * sy); y < Math.Min(h, (int)Math.Ceiling((v + 1) * sy)); y++)
                {
                    var ay = Math.Min((v + 1) * sy, y + 1) - Math.Max(v * sy, y);
                    for (var x = (int)Math.Floor(u * sx); x < Math.Min(w, (int)Math.Ceiling((u + 1) * sx)); x++)
                    {
                        var a = ay * (Math.Min((u + 1) * sx, x + 1) - Math.Max(u * sx, x));
                        var i = 3 * (y * w + x);
                        (r, g, b, sum) = (r + a * rgb[i], g + a * rgb[i + 1], b + a * rgb[i + 2], sum + a);
                    }
                }
                var o = v * ow + u;
                dst[o] = r / sum / 255;
                dst[ow * oh + o] = g / sum / 255;
                dst[2 * ow * oh + o] = b / sum / 255;
            }
        return dst;
    }
}
