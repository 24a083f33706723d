namespace CvM.Training.Eval;

/// <summary>
/// The result of <see cref="PhotometricScaleAligner.Estimate"/>: the factor to multiply the depth by (1 when refused),
/// whether it was accepted, how many pixels took part, and the summed cost curve's contrast ((mean - minimum) / mean).
/// </summary>
public readonly record struct ScaleEstimate(double Factor, bool Applied, int Pixels, double Contrast);
