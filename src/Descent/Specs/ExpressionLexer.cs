using System.Globalization;

namespace Descent.Specs;

/// <summary>
/// The one lexer of Descent's typed text: formulas in x and y, and typed rules' statements. Numbers are <c>12</c>,
/// <c>1.5</c>, <c>.5</c>, <c>5.</c> and <c>1e-3</c>/<c>2.5E+1</c>; an <c>e</c> that no digit follows is a name, so
/// <c>2e</c> is "2 followed by e". <c>**</c> is <c>^</c> (the lecture's code is Python) and the typeset − · × are
/// <c>- * *</c>. Statements (<c>statements</c> in <see cref="Tokenize"/>) add <c>; = &gt; &lt; &gt;= &lt;=</c>.
/// </summary>
internal static class ExpressionLexer
{
    /// <summary>
    /// The tokens of <paramref name="text"/>, ending with <see cref="ExpressionTokenKind.End"/>. A character the
    /// language has no use for is reported through <paramref name="error"/> (position, reason), whose reason ends
    /// with <paramref name="uses"/> ("a formula uses numbers, x, y, …").
    /// </summary>
    public static List<ExpressionToken> Tokenize(string text, bool statements, string uses, Func<int, string, Exception> error)
    {
        var tokens = new List<ExpressionToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i, error));
                continue;
            }
            if (char.IsAsciiLetter(c) || (statements && c == '_'))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new ExpressionToken(ExpressionTokenKind.Name, start, i - start));
                continue;
            }
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '*' && next == '*') { tokens.Add(new ExpressionToken(ExpressionTokenKind.Caret, i, 2)); i += 2; continue; }
            if (statements && c == '>' && next == '=') { tokens.Add(new ExpressionToken(ExpressionTokenKind.GreaterEqual, i, 2)); i += 2; continue; }
            if (statements && c == '<' && next == '=') { tokens.Add(new ExpressionToken(ExpressionTokenKind.LessEqual, i, 2)); i += 2; continue; }
            if (statements && c == '=' && next == '=')
                throw error(i, "'==' is not a comparison here; if(...) compares with >, <, >= or <=.");
            ExpressionTokenKind kind = c switch
            {
                '+' => ExpressionTokenKind.Plus,
                '-' or '\u2212' => ExpressionTokenKind.Minus,
                '*' or '\u00B7' or '\u00D7' => ExpressionTokenKind.Star,
                '/' => ExpressionTokenKind.Slash,
                '^' => ExpressionTokenKind.Caret,
                '(' => ExpressionTokenKind.LeftParen,
                ')' => ExpressionTokenKind.RightParen,
                ',' => ExpressionTokenKind.Comma,
                ';' when statements => ExpressionTokenKind.Semicolon,
                '=' when statements => ExpressionTokenKind.Assign,
                '>' when statements => ExpressionTokenKind.Greater,
                '<' when statements => ExpressionTokenKind.Less,
                _ => throw error(i, Unexpected(c, uses)),
            };
            tokens.Add(new ExpressionToken(kind, i, 1));
            i++;
        }
        tokens.Add(new ExpressionToken(ExpressionTokenKind.End, text.Length, 0));
        return tokens;
    }

    private static ExpressionToken ReadNumber(string text, ref int i, Func<int, string, Exception> error)
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
            throw error(start, $"The number '{literal}' is too large for a double.");
        return new ExpressionToken(ExpressionTokenKind.Number, start, i - start, value);
    }

    /// <summary>Invisible and terminal-steering characters (controls, U+FEFF, U+202E, separators) are named by code, not shown.</summary>
    private static string Unexpected(char c, string uses) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
            ? $"Unexpected character U+{(int)c:X4}; {uses}."
            : $"Unexpected character '{c}'; {uses}.";
}
