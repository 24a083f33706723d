using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Tensor-and-number operations that keep their TorchSharp <see cref="Scalar"/> alive until the native op has
/// returned. Written inline (<c>x * 2f</c>, <c>x.clamp_min(1e-3f)</c>), the number becomes a temporary Scalar that
/// nothing references once its handle is passed to libtorch; a collection during the op can finalize it, and the op
/// then reads freed memory (a wrong value, or libtorch's <c>Unknown scalar type</c> / <c>toFloat</c> errors). That is
/// how two exports of one net came to differ (README, session 5). Every Scalar here is a <c>using</c> local, disposed
/// after the call. The alpha is an integer 1, as TorchSharp's own default (a float alpha is refused on integer
/// tensors). <see cref="Times(Tensor, double)"/> takes a double for float64 tensors and double settings; on float32
/// tensors a float and a double operand give the same bits. <c>Tensor + Tensor</c> needs
/// <see cref="Plus(Tensor, Tensor)"/> too (TorchSharp's <c>add</c> passes a temporary alpha of 1); <c>Tensor - Tensor</c>,
/// <c>*</c> and <c>/</c> between tensors pass no Scalar.
/// </summary>
public static class ScalarOps
{
    /// <summary><c>a + b</c> (<c>Tensor + Tensor</c> passes a temporary Scalar 1 as alpha inside TorchSharp).</summary>
    public static Tensor Plus(this Tensor a, Tensor b)
    {
        using var one = 1.ToScalar();
        return a.add(b, one);
    }

    /// <summary><c>x * s</c>.</summary>
    public static Tensor Times(this Tensor x, float s)
    {
        using var k = s.ToScalar();
        return x.mul(k);
    }

    /// <summary><c>x * s</c> with a double operand.</summary>
    public static Tensor Times(this Tensor x, double s)
    {
        using var k = s.ToScalar();
        return x.mul(k);
    }

    /// <summary><c>x + s</c> (TorchSharp's <c>add(Scalar)</c> also passes a temporary alpha of 1, so it is given here).</summary>
    public static Tensor Plus(this Tensor x, float s)
    {
        using var k = s.ToScalar();
        using var one = 1.ToScalar();
        return x.add(k, one);
    }

    /// <summary><c>x - s</c>.</summary>
    public static Tensor Minus(this Tensor x, float s)
    {
        using var k = s.ToScalar();
        return x.sub(k);
    }

    /// <summary><c>x / s</c>.</summary>
    public static Tensor Over(this Tensor x, float s)
    {
        using var k = s.ToScalar();
        return x.div(k);
    }

    /// <summary><c>s - x</c>.</summary>
    public static Tensor SubtractedFrom(this Tensor x, float s)
    {
        using var k = s.ToScalar();
        using var one = 1.ToScalar();
        using var negated = x.neg();
        return negated.add(k, one);
    }

    /// <summary><c>max(x, min)</c> element-wise.</summary>
    public static Tensor AtLeast(this Tensor x, float min)
    {
        using var k = min.ToScalar();
        return x.clamp_min(k);
    }

    /// <summary><c>x</c> clamped to [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    public static Tensor Between(this Tensor x, float lo, float hi)
    {
        using var a = lo.ToScalar();
        using var b = hi.ToScalar();
        return x.clamp(a, b);
    }

    /// <summary><c>x &gt; s</c> (boolean).</summary>
    public static Tensor Above(this Tensor x, float s)
    {
        using var k = s.ToScalar();
        return x.gt(k);
    }

    /// <summary>A tensor shaped and typed like <paramref name="x"/>, every element <paramref name="value"/>.</summary>
    public static Tensor FilledLike(this Tensor x, float value)
    {
        using var k = value.ToScalar();
        return full_like(x, k);
    }
}
