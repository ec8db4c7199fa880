using Descent.Specs;

namespace Descent.Rules;

/// <summary>
/// A typed update rule that cannot be read or compiled. <see cref="Position"/> is the 0-based index of the
/// offending character in <see cref="Source"/> (the statements as typed; its length when they end too early);
/// <see cref="Display"/> shows them with a caret under that character, as formula errors do:
/// <code>
/// m = b1*m + (1-b1)*q; p = p - lr*m
///                   ^
/// Unknown name 'q'. Did you mean 'g'? …
/// </code>
/// </summary>
public sealed class RuleException : Exception
{
    /// <summary>An error at <paramref name="position"/> of <paramref name="source"/>.</summary>
    public RuleException(string source, int position, string reason)
        : base($"{reason} (rule position {position})")
    {
        Source = source;
        Position = position;
        Reason = reason;
    }

    /// <summary>The statements as typed.</summary>
    public new string Source { get; }

    /// <summary>0-based index of the offending character.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The statements, a caret under the offending character, and the reason (<see cref="CaretDisplay"/>).</summary>
    public string Display => CaretDisplay.Show(Source, Position, Reason);
}
