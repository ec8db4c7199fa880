namespace Descent.Specs;

internal enum ExpressionTokenKind
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
    Semicolon,
    Assign,
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
    End,
}

/// <summary>A lexeme of a formula or a typed rule: its kind, where it starts (0-based), how many characters it spans, and for numbers the value.</summary>
internal readonly record struct ExpressionToken(ExpressionTokenKind Kind, int Position, int Length, double Number = 0)
{
    public string Text(string source) => Kind == ExpressionTokenKind.End ? "the end" : source.Substring(Position, Length);

    /// <summary>How an error message quotes this token: <c>'*'</c>, or <paramref name="end"/> for the end of the text.</summary>
    public string Quote(string source, string end = "the end") => Kind == ExpressionTokenKind.End ? end : $"'{OptimizerSpec.Quote(Text(source))}'";
}
