namespace Descent.Functions.Formulas;

internal enum TokenKind
{
    Number,
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    Comma,
    End,
}

/// <summary>A lexeme: its kind, where it starts (0-based), how many characters it spans, and for
/// numbers the value.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, double Number = 0)
{
    public string Text(string source) => Kind == TokenKind.End ? "the end" : source.Substring(Position, Length);

    /// <summary>How an error message quotes this token: <c>'*'</c>, or <c>the end of the formula</c>.</summary>
    public string Quote(string source) => Kind == TokenKind.End ? "the end of the formula" : $"'{Text(source)}'";
}
