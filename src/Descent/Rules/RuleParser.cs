using Descent.Specs;

namespace Descent.Rules;

/// <summary>Recursive-descent parser for the grammar in <see cref="RuleSyntax"/>; names are checked afterwards by <see cref="RuleProgram"/>.</summary>
internal sealed class RuleParser
{
    private const string Operand = "a number, a name, a function or '('";

    private readonly string _text;
    private readonly List<ExpressionToken> _tokens;
    private int _next;
    private int _depth;
    private int _grads;
    private bool _inGrad;

    private RuleParser(string text, List<ExpressionToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static List<RuleStatement> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > RuleSyntax.MaxLength)
            throw new RuleException(text, RuleSyntax.MaxLength, $"The rule is {text.Length} characters long; the limit is {RuleSyntax.MaxLength} characters.");
        if (string.IsNullOrWhiteSpace(text))
            throw new RuleException(text, 0, "The rule has no statements; write e.g. rule(p = p - lr*g | lr=0.1).");
        var parser = new RuleParser(text, ExpressionLexer.Tokenize(text, statements: true,
            "a rule uses names, numbers, = ; + - * / ^, comparisons, parentheses and functions", (position, reason) => new RuleException(text, position, reason)));
        var statements = new List<RuleStatement>();
        while (parser.Peek.Kind != ExpressionTokenKind.End)
        {
            statements.Add(parser.ParseStatement());
            if (statements.Count > RuleSyntax.MaxStatements)
                throw new RuleException(text, statements[^1].Position, $"The rule has more than {RuleSyntax.MaxStatements} statements.");
            ExpressionToken t = parser.Peek;
            if (t.Kind == ExpressionTokenKind.Semicolon) parser.Take();
            else if (t.Kind != ExpressionTokenKind.End) throw parser.Trailing(t);
        }
        return statements;
    }

    private ExpressionToken Peek => _tokens[_next];

    private ExpressionToken Take() => _tokens[_next++];

    private RuleStatement ParseStatement()
    {
        ExpressionToken name = Peek;
        if (name.Kind != ExpressionTokenKind.Name)
            throw new RuleException(_text, name.Position, $"A statement starts with the name it assigns (name = ...), not {name.Quote(_text)}.");
        Take();
        ExpressionToken assign = Peek;
        if (assign.Kind != ExpressionTokenKind.Assign)
            throw new RuleException(_text, assign.Position, $"Expected '=' after '{name.Text(_text)}' (a statement is name = expression), found {assign.Quote(_text)}.");
        Take();
        return new RuleStatement(name.Text(_text), name.Position, ParseSum());
    }

    private RuleNode ParseSum()
    {
        RuleNode left = ParseProduct();
        while (Peek.Kind is ExpressionTokenKind.Plus or ExpressionTokenKind.Minus)
        {
            ExpressionToken op = Take();
            left = new RuleBinary(op.Kind == ExpressionTokenKind.Plus ? '+' : '-', left, ParseProduct(), op.Position);
        }
        return left;
    }

    private RuleNode ParseProduct()
    {
        RuleNode left = ParseUnary();
        while (Peek.Kind is ExpressionTokenKind.Star or ExpressionTokenKind.Slash)
        {
            ExpressionToken op = Take();
            left = new RuleBinary(op.Kind == ExpressionTokenKind.Star ? '*' : '/', left, ParseUnary(), op.Position);
        }
        return left;
    }

    private RuleNode ParseUnary()
    {
        if (Peek.Kind is not (ExpressionTokenKind.Minus or ExpressionTokenKind.Plus)) return ParsePower();
        Enter();
        ExpressionToken sign = Take();
        RuleNode operand = ParseUnary();
        _depth--;
        if (sign.Kind == ExpressionTokenKind.Plus) return operand;
        return operand is RuleNumber n ? new RuleNumber(-n.Value, sign.Position) : new RuleNegate(operand, sign.Position);
    }

    private RuleNode ParsePower()
    {
        RuleNode basis = ParsePrimary();
        if (Peek.Kind != ExpressionTokenKind.Caret) return basis;
        Enter();
        ExpressionToken op = Take();
        RuleNode exponent = ParseUnary();
        _depth--;
        return new RuleBinary('^', basis, exponent, op.Position);
    }

    private RuleNode ParsePrimary()
    {
        ExpressionToken t = Peek;
        switch (t.Kind)
        {
            case ExpressionTokenKind.Number:
                Take();
                return new RuleNumber(t.Number, t.Position);
            case ExpressionTokenKind.LeftParen:
            {
                Enter();
                Take();
                RuleNode inner = ParseSum();
                Expect(ExpressionTokenKind.RightParen, t, "to close the '('");
                _depth--;
                return inner;
            }
            case ExpressionTokenKind.Name:
                return ParseName();
            case ExpressionTokenKind.End:
                throw new RuleException(_text, t.Position, $"The rule ends where {Operand} is expected.");
            default:
                throw new RuleException(_text, t.Position, $"Expected {Operand} but found {t.Quote(_text)}.");
        }
    }

    private RuleNode ParseName()
    {
        ExpressionToken t = Take();
        string name = t.Text(_text);
        if (!RuleSyntax.Functions.TryGetValue(name, out int arity))
        {
            if (Peek.Kind == ExpressionTokenKind.LeftParen)
                throw new RuleException(_text, Peek.Position, $"'{name}' is not a function; write {name}*(...) to multiply. Functions: {string.Join(", ", RuleSyntax.Functions.Keys)}.");
            return new RuleName(name, t.Position);
        }
        string usage = name switch
        {
            "if" => "if(a > b, x, y)",
            "clip" => "clip(x, lo, hi)",
            "fma" => "fma(a, b, c)",
            "grad" => "grad(point)",
            _ => arity == 1 ? $"{name}(u)" : $"{name}(a, b)",
        };
        ExpressionToken open = Peek;
        if (open.Kind != ExpressionTokenKind.LeftParen)
            throw new RuleException(_text, open.Position, $"'{name}' is a function: write {usage}; found {open.Quote(_text)} after it.");
        Enter();
        Take();
        RuleNode result;
        if (name == "grad")
        {
            if (_inGrad) throw new RuleException(_text, t.Position, "grad(...) cannot be nested: a look-ahead point is computed from the state, not from another look-ahead gradient.");
            if (_grads == RuleSyntax.MaxLookAheads)
                throw new RuleException(_text, t.Position, $"A rule may evaluate at most {RuleSyntax.MaxLookAheads} look-ahead gradients (grad calls) per step.");
            _inGrad = true;
            RuleNode point = ParseSum();
            _inGrad = false;
            result = new RuleGrad(point, _grads++, t.Position);
        }
        else if (name == "if")
        {
            RuleNode left = ParseSum();
            ExpressionToken cmp = Peek;
            if (cmp.Kind is not (ExpressionTokenKind.Greater or ExpressionTokenKind.Less or ExpressionTokenKind.GreaterEqual or ExpressionTokenKind.LessEqual))
                throw new RuleException(_text, cmp.Position, $"if needs a comparison first (>, <, >=, <=): write {usage}; found {cmp.Quote(_text)}.");
            Take();
            RuleNode right = ParseSum();
            RuleNode then = ParseArgument(name, usage), otherwise = ParseArgument(name, usage);
            result = new RuleIf(cmp.Kind, left, right, then, otherwise, t.Position);
        }
        else
        {
            var args = new List<RuleNode> { ParseSum() };
            while (args.Count < arity) args.Add(ParseArgument(name, usage));
            result = new RuleCall(name, [.. args], t.Position);
        }
        if (Peek.Kind == ExpressionTokenKind.Comma)
            throw new RuleException(_text, Peek.Position, $"'{name}' takes {Count(arity)}: write {usage}.");
        Expect(ExpressionTokenKind.RightParen, open, $"to close the call of '{name}' opened");
        _depth--;
        return result;
    }

    private RuleNode ParseArgument(string name, string usage)
    {
        ExpressionToken comma = Peek;
        if (comma.Kind != ExpressionTokenKind.Comma)
            throw new RuleException(_text, comma.Position, $"'{name}' takes {Count(RuleSyntax.Functions[name])}: write {usage}; found {comma.Quote(_text)}.");
        Take();
        return ParseSum();
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
        string found = t.Kind == ExpressionTokenKind.End ? "" : $", but found {t.Quote(_text)}";
        throw new RuleException(_text, t.Position, $"Missing ')' {purpose} at position {open.Position}{found}.");
    }

    private RuleException Trailing(ExpressionToken t)
    {
        if (t.Kind == ExpressionTokenKind.RightParen) return new RuleException(_text, t.Position, "Unmatched ')': no '(' is open here.");
        if (t.Kind == ExpressionTokenKind.Assign) return new RuleException(_text, t.Position, "Unexpected '=': is a ';' missing between two statements?");
        return new RuleException(_text, t.Position,
            $"Unexpected {t.Quote(_text)} after a complete expression; is an operator or a ';' missing (write 2*m, not 2m)?");
    }

    private void Enter()
    {
        if (++_depth > RuleSyntax.MaxDepth)
            throw new RuleException(_text, Peek.Position, $"The rule nests deeper than {RuleSyntax.MaxDepth} levels (parentheses, calls, signs and exponents).");
    }
}
