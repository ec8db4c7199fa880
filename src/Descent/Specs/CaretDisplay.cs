using System.Text;

namespace Descent.Specs;

/// <summary>
/// The one way an error in typed text (a formula, an update rule) is shown: the text, a caret under the
/// offending character, and the reason, as compilers show errors.
/// </summary>
public static class CaretDisplay
{
    /// <summary>How many characters of long text are shown on each side of the error.</summary>
    public const int Context = 60;

    /// <summary>
    /// Three lines: <paramref name="text"/> (a window of <see cref="Context"/> characters each side of
    /// <paramref name="position"/>, cut ends marked with <c>…</c>), a caret under the offending character, and
    /// <paramref name="reason"/>. Tabs are kept in the caret line so the caret stays aligned; other control
    /// characters show as spaces.
    /// </summary>
    public static string Show(string text, int position, string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = Math.Max(0, position - Context);
        int end = Math.Min(text.Length, position + Context);
        var line = new StringBuilder();
        var caret = new StringBuilder();
        if (start > 0)
        {
            line.Append('…');
            caret.Append(' ');
        }
        for (int i = start; i < end; i++)
        {
            char c = text[i] == '\t' ? '\t' : char.IsControl(text[i]) ? ' ' : text[i];
            line.Append(c);
            if (i < position) caret.Append(c == '\t' ? '\t' : ' ');
        }
        if (end < text.Length) line.Append('…');
        caret.Append('^');
        return $"{line}\n{caret}\n{reason}";
    }
}
