using Descent.Specs;
using System.Numerics;

namespace Descent.Rules;

/// <summary>
/// The scalar meaning of the rule language's functions and comparisons, in any precision: what the per-lane
/// operations of <see cref="RuleOps{T, TV}"/> apply in the working precision and what the once-per-step part
/// of a rule computes in double.
/// </summary>
internal static class RuleScalar
{
    public const int Exp = 0, Log = 1, Sin = 2, Cos = 3, Tan = 4, Tanh = 5, Sinh = 6, Cosh = 7, Atan = 8;

    public const int Greater = 0, Less = 1, GreaterEqual = 2, LessEqual = 3;

    /// <summary>The lane-by-lane functions by name; the others (sqrt, abs, min, max, clip, fma, sign, if) have vector instructions.</summary>
    public static readonly IReadOnlyDictionary<string, int> Mapped = new Dictionary<string, int>
    {
        ["exp"] = Exp, ["log"] = Log, ["sin"] = Sin, ["cos"] = Cos, ["tan"] = Tan, ["tanh"] = Tanh, ["sinh"] = Sinh,
        ["cosh"] = Cosh, ["atan"] = Atan,
    };

    public static int ComparisonOf(ExpressionTokenKind kind) => kind switch
    {
        ExpressionTokenKind.Greater => Greater,
        ExpressionTokenKind.Less => Less,
        ExpressionTokenKind.GreaterEqual => GreaterEqual,
        _ => LessEqual,
    };

    public static T Apply<T>(int function, T x) where T : IFloatingPointIeee754<T> => function switch
    {
        Exp => T.Exp(x),
        Log => T.Log(x),
        Sin => T.Sin(x),
        Cos => T.Cos(x),
        Tan => T.Tan(x),
        Tanh => T.Tanh(x),
        Sinh => T.Sinh(x),
        Cosh => T.Cosh(x),
        Atan => T.Atan(x),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    /// <summary>torch.sign: <c>(0 &lt; x) − (x &lt; 0)</c>, so ±0 and NaN give +0 (<c>T.Sign</c> would throw on NaN).</summary>
    public static T Sign<T>(T x) where T : IFloatingPointIeee754<T> => (x > T.Zero ? T.One : T.Zero) - (x < T.Zero ? T.One : T.Zero);

    public static bool Compare<T>(int comparison, T a, T b) where T : IFloatingPointIeee754<T> => comparison switch
    {
        Greater => a > b,
        Less => a < b,
        GreaterEqual => a >= b,
        _ => a <= b,
    };
}
