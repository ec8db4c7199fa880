using System.Text;

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
    /// <summary>How many characters of a long formula <see cref="Display"/> shows on each side of the error.</summary>
    public const int DisplayContext = 60;

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

    /// <summary>
    /// Three lines: the formula (a window of <see cref="DisplayContext"/> characters each side for a
    /// long one, cut ends marked with <c>…</c>), a caret under the offending character, and the reason.
    /// Tabs are kept in the caret line so the caret stays aligned; other control characters show as spaces.
    /// </summary>
    public string Display
    {
        get
        {
            int start = Math.Max(0, Position - DisplayContext);
            int end = Math.Min(Formula.Length, Position + DisplayContext);
            var line = new StringBuilder();
            var caret = new StringBuilder();
            if (start > 0)
            {
                line.Append('…');
                caret.Append(' ');
            }
            for (int i = start; i < end; i++)
            {
                char c = Formula[i] == '\t' ? '\t' : char.IsControl(Formula[i]) ? ' ' : Formula[i];
                line.Append(c);
                if (i < Position) caret.Append(c == '\t' ? '\t' : ' ');
            }
            if (end < Formula.Length) line.Append('…');
            caret.Append('^');
            return $"{line}\n{caret}\n{Reason}";
        }
    }
}
