using Descent.Specs;

namespace Descent.Functions.Formulas;

/// <summary>
/// Recursive-descent parser for the grammar in <see cref="FormulaSyntax"/>:
/// <code>
/// sum     = product { ("+" | "-") product }
/// product = unary { ("*" | "/") unary }
/// unary   = ("-" | "+") unary | power
/// power   = primary [ "^" unary ]          right-associative; -x^2 = -(x^2), 2^-1 = 0.5
/// primary = number | "x" | "y" | "pi" | "e" | function "(" sum { "," sum } ")" | "(" sum ")"
/// </code>
/// </summary>
internal sealed class Parser
{
    private const string Operand = "a number, x, y, a function or '('";

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static Node Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > FormulaSyntax.MaxLength)
            throw new FormulaException(text, FormulaSyntax.MaxLength,
                $"The formula is {text.Length} characters long; the limit is {FormulaSyntax.MaxLength} characters.");
        if (string.IsNullOrWhiteSpace(text))
            throw new FormulaException(text, 0, "The formula is empty; type an expression in x and y, e.g. x^2 + y^2.");

        var parser = new Parser(text, Lexer.Tokenize(text));
        Node root = parser.ParseSum();
        Token rest = parser.Peek;
        if (rest.Kind != TokenKind.End)
            throw parser.Trailing(rest);
        return root;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private Node ParseSum()
    {
        Node left = ParseProduct();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            Token op = Take();
            Node right = ParseProduct();
            left = Node.Binary(op.Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract, left, right, op.Position);
        }
        return left;
    }

    private Node ParseProduct()
    {
        Node left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            Token op = Take();
            Node right = ParseUnary();
            left = Node.Binary(op.Kind == TokenKind.Star ? BinaryOp.Multiply : BinaryOp.Divide, left, right, op.Position);
        }
        return left;
    }

    private Node ParseUnary()
    {
        if (Peek.Kind is not (TokenKind.Minus or TokenKind.Plus))
            return ParsePower();
        Enter();
        Token sign = Take();
        Node operand = ParseUnary();
        _depth--;
        return sign.Kind == TokenKind.Minus ? Node.Negate(operand, sign.Position) : operand;
    }

    private Node ParsePower()
    {
        Node basis = ParsePrimary();
        if (Peek.Kind != TokenKind.Caret)
            return basis;
        Enter();
        Token op = Take();
        Node exponent = ParseUnary();
        _depth--;
        return Node.Binary(BinaryOp.Power, basis, exponent, op.Position);
    }

    private Node ParsePrimary()
    {
        Token t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Take();
                return Node.Number(t.Number, t.Position);
            case TokenKind.LeftParen:
            {
                Enter();
                Take();
                Node inner = ParseSum();
                Expect(TokenKind.RightParen, t, "to close the '('");
                _depth--;
                return inner;
            }
            case TokenKind.Name:
                return ParseName();
            case TokenKind.End:
                throw new FormulaException(_text, t.Position, $"The formula ends where {Operand} is expected.");
            default:
                throw new FormulaException(_text, t.Position, $"Expected {Operand} but found {t.Quote(_text)}.");
        }
    }

    private Node ParseName()
    {
        Token t = Take();
        string name = t.Text(_text);
        switch (name)
        {
            case "x": return new VariableNode(0, t.Position);
            case "y": return new VariableNode(1, t.Position);
            case "pi": return Node.Number(Math.PI, t.Position);
            case "e": return Node.Number(Math.E, t.Position);
        }
        if (!Builtins.TryParse(name, out Builtin function))
        {
            string hint = Suggest.Nearest(name, FormulaSyntax.ValidNames) is { } near ? $" Did you mean '{near}'?" : "";
            throw new FormulaException(_text, t.Position,
                $"Unknown name '{name}'.{hint} Valid names: {string.Join(", ", FormulaSyntax.ValidNames)}.");
        }

        int arity = Builtins.Arity(function);
        string usage = arity == 1 ? $"{name}(u)" : $"{name}(a, b)";
        Token open = Peek;
        if (open.Kind != TokenKind.LeftParen)
            throw new FormulaException(_text, open.Position,
                $"'{name}' is a function: write {usage}; found {open.Quote(_text)} after it.");
        Enter();
        Take();
        if (Peek.Kind == TokenKind.RightParen)
            throw new FormulaException(_text, Peek.Position, $"'{name}' needs {Count(arity)}: write {usage}.");

        var args = new List<Node> { ParseSum() };
        while (Peek.Kind == TokenKind.Comma)
        {
            Token comma = Take();
            if (args.Count == arity)
                throw new FormulaException(_text, comma.Position, $"'{name}' takes {Count(arity)}: write {usage}.");
            if (Peek.Kind is TokenKind.Comma or TokenKind.RightParen or TokenKind.End)
                throw new FormulaException(_text, Peek.Position, $"Argument {args.Count + 1} of '{name}' is missing: write {usage}.");
            args.Add(ParseSum());
        }
        if (Peek.Kind == TokenKind.RightParen && args.Count < arity)
            throw new FormulaException(_text, Peek.Position, $"'{name}' takes {Count(arity)} but got {args.Count}: write {usage}.");
        Expect(TokenKind.RightParen, open, $"to close the call of '{name}' opened");
        _depth--;
        return Node.Call(function, [.. args], t.Position);
    }

    private static string Count(int arity) => arity == 1 ? "1 argument" : $"{arity} arguments";

    private void Expect(TokenKind kind, Token open, string purpose)
    {
        Token t = Peek;
        if (t.Kind == kind)
        {
            Take();
            return;
        }
        string found = t.Kind == TokenKind.End ? "" : $", but found {t.Quote(_text)}";
        throw new FormulaException(_text, t.Position, $"Missing ')' {purpose} at position {open.Position}{found}.");
    }

    private FormulaException Trailing(Token t)
    {
        if (t.Kind == TokenKind.RightParen)
            return new FormulaException(_text, t.Position, "Unmatched ')': no '(' is open here.");
        Token previous = _tokens[_next - 1];
        if (t.Kind == TokenKind.LeftParen && previous.Kind == TokenKind.Name)
            return new FormulaException(_text, t.Position,
                $"'{previous.Text(_text)}' is not a function; write {previous.Text(_text)}*(...) to multiply.");
        return new FormulaException(_text, t.Position,
            $"Unexpected {t.Quote(_text)} after a complete expression; is an operator missing (write 2*x, not 2x)?");
    }

    /// <summary>Counts one level of nesting for the token about to be taken, which the error points at.</summary>
    private void Enter()
    {
        if (++_depth > FormulaSyntax.MaxDepth)
            throw new FormulaException(_text, Peek.Position,
                $"The formula nests deeper than {FormulaSyntax.MaxDepth} levels (parentheses, calls, signs and exponents).");
    }
}
