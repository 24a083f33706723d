namespace CvM.Synthetic;

/// <summary>A decoded PNG: samples row-major, interleaved channels; 16-bit samples as native <c>ushort</c> values.</summary>
public sealed record PngImage(int Width, int Height, int Channels, int BitDepth, byte[] Samples8, ushort[] Samples16);
