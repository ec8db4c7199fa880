using Descent.Functions.Formulas;

namespace Descent.Functions;

/// <summary>
/// The language of typed formulas in <c>x</c> and <c>y</c>.
/// <code>
/// sum     = product { ("+" | "-") product }
/// product = unary { ("*" | "/") unary }
/// unary   = ("-" | "+") unary | power
/// power   = primary [ "^" unary ]
/// primary = number | "x" | "y" | "pi" | "e" | function "(" sum [ "," sum ] ")" | "(" sum ")"
/// </code>
/// <list type="bullet">
/// <item>Numbers: <c>3</c>, <c>0.1</c>, <c>.5</c>, <c>1e-3</c>, <c>2.5E+1</c>. Juxtaposition is not
/// multiplication: write <c>2*x</c>.</item>
/// <item><c>^</c> (or Python's <c>**</c>) is right-associative and binds tighter than unary minus:
/// <c>2^3^2 = 2^9</c>, <c>-x^2 = -(x^2)</c>, <c>2^-1 = 0.5</c>. <c>* /</c> and <c>+ -</c> are
/// left-associative: <c>8/4/2 = 1</c>, <c>2-3-4 = -5</c>.</item>
/// <item>Functions: <c>abs sqrt exp log sin cos tan tanh sinh cosh atan</c> (one argument),
/// <c>min max</c> (two). Constants <c>pi e</c>. Names are case-sensitive. The signs − · × pasted from
/// typeset text are read as <c>- * *</c>.</item>
/// <item>At most <see cref="MaxLength"/> characters and <see cref="MaxDepth"/> levels of nesting.</item>
/// </list>
/// <para>Gradients are exact: forward-mode automatic differentiation of the parsed expression, with
/// PyTorch's autograd conventions where the calculus leaves a choice:</para>
/// <list type="bullet">
/// <item><c>abs</c> at 0: derivative 0 (PyTorch's <c>sign(0) = 0</c>).</item>
/// <item><c>sqrt</c> at 0: <c>du/(2·√u)</c> = +∞·du; and 0/0 = NaN where du is also 0, e.g.
/// <c>sqrt(x^2 + y^2)</c> at the origin, exactly as PyTorch.</item>
/// <item><c>min</c>/<c>max</c> on a tie: half of each argument's derivative (PyTorch's
/// <c>torch.minimum</c>/<c>torch.maximum</c>); otherwise the winner's.</item>
/// <item><c>u^n</c> with constant n: <c>n·u^(n−1)·du</c>, zero for n = 0; the powers 2, 3, ½, −½, −1, −2
/// are computed as PyTorch computes them (<c>u·u</c>, <c>u·u·u</c>, <c>√u</c>, …).
/// <c>u^v</c>: <c>v·u^(v−1)·du + u^v·ln(u)·dv</c>, the first term zero where v = 0, the second zero
/// where u = 0 and v ≥ 0.</item>
/// <item><c>log</c> at 0: value −∞, derivative du/0. Outside a function's domain the value is NaN.</item>
/// </list>
/// Constant subexpressions (<c>2*pi</c>) are evaluated once, by the same operations as at run time.
/// </summary>
public static class FormulaSyntax
{
    /// <summary>The longest formula accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>The deepest nesting of parentheses, calls, signs and exponents accepted.</summary>
    public const int MaxDepth = 100;

    /// <summary>The variables: <c>x</c>, <c>y</c>.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["x", "y"];

    /// <summary>The constants: <c>pi</c>, <c>e</c>.</summary>
    public static IReadOnlyList<string> Constants { get; } = ["pi", "e"];

    /// <summary>The functions, <c>min</c> and <c>max</c> with two arguments, the others with one.</summary>
    public static IReadOnlyList<string> Functions { get; } = Builtins.Names;

    /// <summary>Every name a formula may use: variables, constants, functions.</summary>
    public static IReadOnlyList<string> ValidNames { get; } = [.. Variables, .. Constants, .. Functions];
}
