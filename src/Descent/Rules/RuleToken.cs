namespace Descent.Rules;

internal enum RuleTokenKind
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

/// <summary>One token of a typed rule: where it starts, how long it is, and a number's value.</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, int Position, int Length, double Number = 0)
{
    public string Text(string source) => source.Substring(Position, Length);

    public string Quote(string source) => Kind == RuleTokenKind.End ? "the end" : $"'{Specs.OptimizerSpec.Quote(Text(source))}'";
}
