using System.Globalization;

namespace Descent.Rules;

/// <summary>
/// Splits typed rule statements into tokens: the formula language's numbers, names and operators
/// (<c>**</c> for <c>^</c>, the typeset − · ×), plus <c>; = &gt; &lt; &gt;= &lt;=</c>.
/// </summary>
internal static class RuleLexer
{
    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new RuleToken(RuleTokenKind.Name, start, i - start));
                continue;
            }
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '*' && next == '*') { tokens.Add(new RuleToken(RuleTokenKind.Caret, i, 2)); i += 2; continue; }
            if (c == '>' && next == '=') { tokens.Add(new RuleToken(RuleTokenKind.GreaterEqual, i, 2)); i += 2; continue; }
            if (c == '<' && next == '=') { tokens.Add(new RuleToken(RuleTokenKind.LessEqual, i, 2)); i += 2; continue; }
            if (c == '=' && next == '=')
                throw new RuleException(text, i, "'==' is not a comparison here; if(...) compares with >, <, >= or <=.");
            RuleTokenKind kind = c switch
            {
                '+' => RuleTokenKind.Plus,
                '-' or '\u2212' => RuleTokenKind.Minus,
                '*' or '\u00B7' or '\u00D7' => RuleTokenKind.Star,
                '/' => RuleTokenKind.Slash,
                '^' => RuleTokenKind.Caret,
                '(' => RuleTokenKind.LeftParen,
                ')' => RuleTokenKind.RightParen,
                ',' => RuleTokenKind.Comma,
                ';' => RuleTokenKind.Semicolon,
                '=' => RuleTokenKind.Assign,
                '>' => RuleTokenKind.Greater,
                '<' => RuleTokenKind.Less,
                _ => throw new RuleException(text, i, Unexpected(c)),
            };
            tokens.Add(new RuleToken(kind, i, 1));
            i++;
        }
        tokens.Add(new RuleToken(RuleTokenKind.End, text.Length, 0));
        return tokens;
    }

    private static RuleToken ReadNumber(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-')) j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }
        string literal = text[start..i];
        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
            throw new RuleException(text, start, $"The number '{literal}' is too large for a double.");
        return new RuleToken(RuleTokenKind.Number, start, i - start, value);
    }

    private static string Unexpected(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
            ? $"Unexpected character U+{(int)c:X4}; a rule uses names, numbers, = ; + - * / ^, comparisons, parentheses and functions."
            : $"Unexpected character '{c}'; a rule uses names, numbers, = ; + - * / ^, comparisons, parentheses and functions.";
}
