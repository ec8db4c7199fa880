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
    private readonly List<ExpressionToken> _tokens;
    private int _next;
    private int _depth;

    private Parser(string text, List<ExpressionToken> tokens)
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

        var parser = new Parser(text, ExpressionLexer.Tokenize(text, statements: false,
            "a formula uses numbers, x, y, + - * / ^, parentheses and functions", (position, reason) => new FormulaException(text, position, reason)));
        Node root = parser.ParseSum();
        ExpressionToken rest = parser.Peek;
        if (rest.Kind != ExpressionTokenKind.End)
            throw parser.Trailing(rest);
        return root;
    }

    private ExpressionToken Peek => _tokens[_next];

    private ExpressionToken Take() => _tokens[_next++];

    private Node ParseSum()
    {
        Node left = ParseProduct();
        while (Peek.Kind is ExpressionTokenKind.Plus or ExpressionTokenKind.Minus)
        {
            ExpressionToken op = Take();
            Node right = ParseProduct();
            left = Node.Binary(op.Kind == ExpressionTokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract, left, right, op.Position);
        }
        return left;
    }

    private Node ParseProduct()
    {
        Node left = ParseUnary();
        while (Peek.Kind is ExpressionTokenKind.Star or ExpressionTokenKind.Slash)
        {
            ExpressionToken op = Take();
            Node right = ParseUnary();
            left = Node.Binary(op.Kind == ExpressionTokenKind.Star ? BinaryOp.Multiply : BinaryOp.Divide, left, right, op.Position);
        }
        return left;
    }

    private Node ParseUnary()
    {
        if (Peek.Kind is not (ExpressionTokenKind.Minus or ExpressionTokenKind.Plus))
            return ParsePower();
        Enter();
        ExpressionToken sign = Take();
        Node operand = ParseUnary();
        _depth--;
        return sign.Kind == ExpressionTokenKind.Minus ? Node.Negate(operand, sign.Position) : operand;
    }

    private Node ParsePower()
    {
        Node basis = ParsePrimary();
        if (Peek.Kind != ExpressionTokenKind.Caret)
            return basis;
        Enter();
        ExpressionToken op = Take();
        Node exponent = ParseUnary();
        _depth--;
        return Node.Binary(BinaryOp.Power, basis, exponent, op.Position);
    }

    private Node ParsePrimary()
    {
        ExpressionToken t = Peek;
        switch (t.Kind)
        {
            case ExpressionTokenKind.Number:
                Take();
                return Node.Number(t.Number, t.Position);
            case ExpressionTokenKind.LeftParen:
            {
                Enter();
                Take();
                Node inner = ParseSum();
                Expect(ExpressionTokenKind.RightParen, t, "to close the '('");
                _depth--;
                return inner;
            }
            case ExpressionTokenKind.Name:
                return ParseName();
            case ExpressionTokenKind.End:
                throw new FormulaException(_text, t.Position, $"The formula ends where {Operand} is expected.");
            default:
                throw new FormulaException(_text, t.Position, $"Expected {Operand} but found {t.Quote(_text, "the end of the formula")}.");
        }
    }

    private Node ParseName()
    {
        ExpressionToken t = Take();
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
        ExpressionToken open = Peek;
        if (open.Kind != ExpressionTokenKind.LeftParen)
            throw new FormulaException(_text, open.Position,
                $"'{name}' is a function: write {usage}; found {open.Quote(_text, "the end of the formula")} after it.");
        Enter();
        Take();
        if (Peek.Kind == ExpressionTokenKind.RightParen)
            throw new FormulaException(_text, Peek.Position, $"'{name}' needs {Count(arity)}: write {usage}.");

        var args = new List<Node> { ParseSum() };
        while (Peek.Kind == ExpressionTokenKind.Comma)
        {
            ExpressionToken comma = Take();
            if (args.Count == arity)
                throw new FormulaException(_text, comma.Position, $"'{name}' takes {Count(arity)}: write {usage}.");
            if (Peek.Kind is ExpressionTokenKind.Comma or ExpressionTokenKind.RightParen or ExpressionTokenKind.End)
                throw new FormulaException(_text, Peek.Position, $"Argument {args.Count + 1} of '{name}' is missing: write {usage}.");
            args.Add(ParseSum());
        }
        if (Peek.Kind == ExpressionTokenKind.RightParen && args.Count < arity)
            throw new FormulaException(_text, Peek.Position, $"'{name}' takes {Count(arity)} but got {args.Count}: write {usage}.");
        Expect(ExpressionTokenKind.RightParen, open, $"to close the call of '{name}' opened");
        _depth--;
        return Node.Call(function, [.. args], t.Position);
    }

    private static string Count(int arity) => arity == 1 ? "1 argument" : $"{arity} arguments";

    private void Expect(ExpressionTokenKind kind, ExpressionToken open, string purpose)
    {
        ExpressionToken t = Peek;
        if (t.Kind == kind)
        {
            Take();
            return;
        }
        string found = t.Kind == ExpressionTokenKind.End ? "" : $", but found {t.Quote(_text, "the end of the formula")}";
        throw new FormulaException(_text, t.Position, $"Missing ')' {purpose} at position {open.Position}{found}.");
    }

    private FormulaException Trailing(ExpressionToken t)
    {
        if (t.Kind == ExpressionTokenKind.RightParen)
            return new FormulaException(_text, t.Position, "Unmatched ')': no '(' is open here.");
        ExpressionToken previous = _tokens[_next - 1];
        if (t.Kind == ExpressionTokenKind.LeftParen && previous.Kind == ExpressionTokenKind.Name)
            return new FormulaException(_text, t.Position,
                $"'{previous.Text(_text)}' is not a function; write {previous.Text(_text)}*(...) to multiply.");
        return new FormulaException(_text, t.Position,
            $"Unexpected {t.Quote(_text, "the end of the formula")} after a complete expression; is an operator missing (write 2*x, not 2x)?");
    }

    /// <summary>Counts one level of nesting for the token about to be taken, which the error points at.</summary>
    private void Enter()
    {
        if (++_depth > FormulaSyntax.MaxDepth)
            throw new FormulaException(_text, Peek.Position,
                $"The formula nests deeper than {FormulaSyntax.MaxDepth} levels (parentheses, calls, signs and exponents).");
    }
}
