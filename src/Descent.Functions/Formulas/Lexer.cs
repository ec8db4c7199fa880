using System.Globalization;

namespace Descent.Functions.Formulas;

/// <summary>
/// Splits a formula into tokens. Numbers are <c>12</c>, <c>1.5</c>, <c>.5</c>, <c>5.</c> and
/// <c>1e-3</c>/<c>2.5E+1</c>; an <c>e</c> that no digit follows is the constant e, so <c>2e</c> is
/// "2 followed by e", not a number. <c>**</c> is accepted as a synonym of <c>^</c> (the lecture's code
/// is Python).
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
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
            if (char.IsAsciiLetter(c))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Name, start, i - start));
                continue;
            }
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new Token(TokenKind.Caret, i, 2));
                i += 2;
                continue;
            }
            TokenKind kind = c switch
            {
                '+' => TokenKind.Plus,
                '-' or '\u2212' => TokenKind.Minus,
                '*' or '\u00B7' or '\u00D7' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '^' => TokenKind.Caret,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                ',' => TokenKind.Comma,
                _ => throw new FormulaException(text, i, Unexpected(c)),
            };
            tokens.Add(new Token(kind, i, 1));
            i++;
        }
        tokens.Add(new Token(TokenKind.End, text.Length, 0));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
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
            throw new FormulaException(text, start, $"The number '{literal}' is too large for a double.");
        return new Token(TokenKind.Number, start, i - start, value);
    }

    /// <summary>Invisible and terminal-steering characters (controls, U+FEFF, U+202E, separators) are named by code, not shown.</summary>
    private static string Unexpected(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
            ? $"Unexpected character U+{(int)c:X4}; a formula uses numbers, x, y, + - * / ^, parentheses and functions."
            : $"Unexpected character '{c}'; a formula uses numbers, x, y, + - * / ^, parentheses and functions.";
}
