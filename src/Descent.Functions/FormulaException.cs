namespace Descent.Functions;

/// <summary>
/// A formula that cannot be parsed. <see cref="Position"/> is the 0-based index of the offending
/// character in <see cref="Formula"/> (its length when the formula ends too early); <see cref="Display"/>
/// shows the formula with a caret under that character:
/// <code>
/// x^2 + * y
///       ^
/// Expected a number, x, y, a function or '(' but found '*'.
/// </code>
/// </summary>
public sealed class FormulaException : FunctionException
{
    /// <summary>An error at <paramref name="position"/> of <paramref name="formula"/>.</summary>
    public FormulaException(string formula, int position, string reason)
        : base($"{reason} (formula position {position})")
    {
        Formula = formula;
        Position = position;
        Reason = reason;
    }

    /// <summary>The formula as typed.</summary>
    public string Formula { get; }

    /// <summary>0-based index of the offending character; the formula's length when it ended too early.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The formula, a caret under the offending character, and the reason (<see cref="Descent.Specs.CaretDisplay"/>).</summary>
    public string Display => Descent.Specs.CaretDisplay.Show(Formula, Position, Reason);
}
