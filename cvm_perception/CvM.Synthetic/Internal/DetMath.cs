namespace CvM.Synthetic.Internal;

/// <summary>
/// Sine and cosine from +,-,*,/ and floor only, so camera paths are bit-identical across machines and C
/// runtimes (Math.Sin may differ in the last bit between libms). Absolute error below 1e-12.
/// </summary>
internal static class DetMath
{
    private const double TwoPi = 2 * Math.PI;

    public static double Sin(double x)
    {
        // Reduce to [-pi, pi], then to [-pi/2, pi/2] with sin(pi - x) = sin(x).
        x -= TwoPi * Math.Floor(x / TwoPi + 0.5);
        if (x > Math.PI / 2) x = Math.PI - x;
        else if (x < -Math.PI / 2) x = -Math.PI - x;
        var x2 = x * x;
        // Taylor series to x^17 (error < 1e-12 on [-pi/2, pi/2]), Horner form.
        var p = 1.0 / 355687428096000.0;          // 1/17!
        p = p * x2 - 1.0 / 1307674368000.0;       // 1/15!
        p = p * x2 + 1.0 / 6227020800.0;          // 1/13!
        p = p * x2 - 1.0 / 39916800.0;            // 1/11!
        p = p * x2 + 1.0 / 362880.0;              // 1/9!
        p = p * x2 - 1.0 / 5040.0;                // 1/7!
        p = p * x2 + 1.0 / 120.0;                 // 1/5!
        p = p * x2 - 1.0 / 6.0;                   // 1/3!
        p = p * x2 + 1.0;
        return x * p;
    }

    public static double Cos(double x) => Sin(x + Math.PI / 2);
}
