using Descent.Functions.Formulas;

namespace Descent.Functions;

/// <summary>
/// A formula in x and y (<see cref="FormulaSyntax"/>), parsed and compiled to two delegates: the value,
/// and the value with its exact gradient. Both perform the same operations, so the value they return
/// is the same bits. Compile once, call many times: a call allocates nothing.
/// </summary>
public sealed class CompiledFormula
{
    private CompiledFormula(string text, string canonical, ValueFunction value, ValueGradientFunction valueAndGradient)
    {
        Text = text;
        Canonical = canonical;
        Value = value;
        ValueAndGradient = valueAndGradient;
    }

    /// <summary>The formula as typed.</summary>
    public string Text { get; }

    /// <summary>How it was read: fully parenthesized, constants folded; <c>-x^2</c> gives <c>(-(x ^ 2))</c>.</summary>
    public string Canonical { get; }

    /// <summary>f(x, y).</summary>
    public ValueFunction Value { get; }

    /// <summary>f(x, y) with ∂f/∂x and ∂f/∂y by automatic differentiation.</summary>
    public ValueGradientFunction ValueAndGradient { get; }

    /// <summary>Parses and compiles <paramref name="text"/>.</summary>
    /// <exception cref="FormulaException">The text is empty, too long, or not a formula; the
    /// exception points at the offending character.</exception>
    public static CompiledFormula Compile(string text)
    {
        Node root = Parser.Parse(text);
        return new CompiledFormula(text, root.Canonical(), Emitter.CompileValue(root), Emitter.CompileValueAndGradient(root));
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
