namespace Descent.Rules;

/// <summary>
/// The language of typed update rules, the lecture's "open for further experiments" made literal:
/// <code>
/// rule(m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; p = p - lr/(1-b1^t) * (m/(sqrt(v)/sqrt(1-b2^t) + eps)) | lr=0.001, b1=0.9, b2=0.999, eps=1e-8)
/// </code>
/// <code>
/// statements = statement { ";" statement } [ ";" ]
/// statement  = name "=" sum
/// sum        = product { ("+" | "-") product }
/// product    = unary { ("*" | "/") unary }
/// unary      = ("-" | "+") unary | power
/// power      = primary [ "^" unary ]
/// primary    = number | name | function "(" sum { "," sum } ")" | "if" "(" sum compare sum "," sum "," sum ")" | "(" sum ")"
/// compare    = "&gt;" | "&lt;" | "&gt;=" | "&lt;="
/// </code>
/// <list type="bullet">
/// <item>Statements run in order, element by element. <c>p = ...</c> (exactly one, last) gives the new
/// parameter; every other assigned name is per-parameter state, 0 at the start unless a value is given after
/// <c>|</c> under the same name.</item>
/// <item>Read-only: <c>p</c> (the parameter), <c>g</c> (its gradient), <c>t</c> (the step, from 1), <c>lr</c>
/// (the learning rate, as its schedule sets it), the hyperparameters (names after <c>|</c> that no statement
/// assigns), <c>pi</c> and <c>e</c>.</item>
/// <item><c>grad(point)</c> is the gradient where every parameter is replaced by <c>point</c> (a look-ahead;
/// each call costs one gradient evaluation per step). It reads the state as the statements before it left it,
/// and cannot be nested.</item>
/// <item>Functions: those of formulas (<c>abs sqrt exp log sin cos tan tanh sinh cosh atan min max</c>) and
/// <c>sign</c>, <c>clip(x, lo, hi)</c>, <c>fma(a, b, c)</c> (<c>a·b + c</c> rounded once, as PyTorch's fused CPU
/// kernels), <c>if(a &gt; b, x, y)</c>.</item>
/// <item>Parts that depend only on <c>t</c>, <c>lr</c>, hyperparameters and numbers (bias corrections) are
/// computed once per step in double precision, as the built-in rules compute them; the rest runs per element
/// in the working precision, in the order written, with no fused operation but <c>fma</c>. A rule written in a
/// built-in's order therefore gives that built-in's bits.</item>
/// </list>
/// </summary>
public static class RuleSyntax
{
    /// <summary>The names every rule may read.</summary>
    public static IReadOnlyList<string> ReadOnlyNames { get; } = ["p", "g", "t", "lr"];

    /// <summary>The constants <c>pi</c> and <c>e</c> (unless the rule uses the name for its own).</summary>
    public static IReadOnlyList<string> Constants { get; } = ["pi", "e"];

    /// <summary>The functions and how many arguments each takes.</summary>
    public static IReadOnlyDictionary<string, int> Functions { get; } = new Dictionary<string, int>
    {
        ["abs"] = 1, ["sqrt"] = 1, ["exp"] = 1, ["log"] = 1, ["sin"] = 1, ["cos"] = 1, ["tan"] = 1, ["tanh"] = 1,
        ["sinh"] = 1, ["cosh"] = 1, ["atan"] = 1, ["sign"] = 1, ["min"] = 2, ["max"] = 2, ["clip"] = 3, ["fma"] = 3,
        ["grad"] = 1, ["if"] = 3,
    };

    /// <summary>The most statements a rule may have.</summary>
    public const int MaxStatements = 32;

    /// <summary>The most <c>grad(...)</c> calls a rule may make (each is a gradient evaluation per step).</summary>
    public const int MaxLookAheads = 16;

    /// <summary>The deepest nesting of parentheses, calls, signs and exponents accepted.</summary>
    public const int MaxDepth = 100;

    /// <summary>The longest statements accepted, in characters (as the longest optimizer spec).</summary>
    public const int MaxLength = Specs.OptimizerSpec.MaxLength;
}
