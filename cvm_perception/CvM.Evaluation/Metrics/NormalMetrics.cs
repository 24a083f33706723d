namespace CvM.Evaluation.Metrics;

/// <summary>Surface-normal angular errors (degrees) and the share of pixels under the usual thresholds (fractions in [0, 1]).</summary>
/// <param name="MeanDeg">mean angle between predicted and ground-truth normals.</param>
/// <param name="MedianDeg">median angle (from a 0.001 degree histogram: exact to 0.0005 degrees).</param>
/// <param name="Under11_25">fraction with angle &lt; 11.25 degrees.</param>
/// <param name="Under22_5">fraction with angle &lt; 22.5 degrees.</param>
/// <param name="Under30">fraction with angle &lt; 30 degrees.</param>
/// <param name="Pixels">pixels where both normals were valid.</param>
/// <param name="InvalidPixels">pixels left out because either normal was invalid.</param>
public sealed record NormalMetrics(double MeanDeg, double MedianDeg, double Under11_25, double Under22_5, double Under30,
    long Pixels, long InvalidPixels);
