namespace Descent.Functions.Formulas;

/// <summary>
/// The scalar operations of a formula, shared by constant folding and by the compiled code so both
/// give the same bits. Powers with the exponents 2, 3, ½, −½, −1 and −2 are computed the way PyTorch's
/// CPU kernel computes them (<c>x·x</c>, <c>x·x·x</c>, <c>√x</c>, <c>1/√x</c>, <c>1/x</c>,
/// <c>1/(x·x)</c>), other exponents with <see cref="Math.Pow"/>.
/// </summary>
internal static class Scalar
{
    public static double Binary(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => a / b,
        _ => Power(a, b),
    };

    public static double Power(double u, double n) => n switch
    {
        2 => u * u,
        3 => u * u * u,
        0.5 => Math.Sqrt(u),
        -0.5 => 1 / Math.Sqrt(u),
        -1 => 1 / u,
        -2 => 1 / (u * u),
        _ => Math.Pow(u, n),
    };

    /// <summary>Whether <see cref="Power"/> has a special form for exponent <paramref name="n"/>.</summary>
    public static bool IsSpecialExponent(double n) => n is 2 or 3 or 0.5 or -0.5 or -1 or -2;

    public static double Call(Builtin f, double[] a) => f switch
    {
        Builtin.Abs => Math.Abs(a[0]),
        Builtin.Sqrt => Math.Sqrt(a[0]),
        Builtin.Exp => Math.Exp(a[0]),
        Builtin.Log => Math.Log(a[0]),
        Builtin.Sin => Math.Sin(a[0]),
        Builtin.Cos => Math.Cos(a[0]),
        Builtin.Tan => Math.Tan(a[0]),
        Builtin.Tanh => Math.Tanh(a[0]),
        Builtin.Sinh => Math.Sinh(a[0]),
        Builtin.Cosh => Math.Cosh(a[0]),
        Builtin.Atan => Math.Atan(a[0]),
        Builtin.Min => Math.Min(a[0], a[1]),
        _ => Math.Max(a[0], a[1]),
    };

    /// <summary>PyTorch's <c>sign</c>: <c>(0 &lt; u) − (u &lt; 0)</c>, so 0 at ±0 (and at NaN).</summary>
    public static double Sign(double u) => (u > 0 ? 1.0 : 0.0) - (u < 0 ? 1.0 : 0.0);
}
