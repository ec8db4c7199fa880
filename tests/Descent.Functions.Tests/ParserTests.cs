namespace Descent.Functions.Tests;

public class ParserTests
{
    private static double Eval(string formula, double x = 0, double y = 0) => CompiledFormula.Compile(formula).Value(x, y);

    public static TheoryData<string, double> ByHand => new()
    {
        { "2^3^2", 512 },           // right-associative: 2^(3^2)
        { "(2^3)^2", 64 },
        { "-2^2", -4 },             // unary minus binds looser than ^
        { "(-2)^2", 4 },
        { "2^-1", 0.5 },            // the exponent may carry a sign
        { "2^-1^2", 0.5 },          // 2^(-(1^2))
        { "-2^-2", -0.25 },
        { "2*3+4", 10 },
        { "2+3*4", 14 },
        { "8/4/2", 1 },             // left-associative
        { "2-3-4", -5 },
        { "2*3^2", 18 },
        { "-3*-2", 6 },
        { "2*-3", -6 },
        { "--3", 3 },
        { "+3 - +2", 1 },
        { "1 - -1", 2 },
        { "12/3*2", 8 },
        { "2**3**2", 512 },         // Python's ** is ^
        { "(1+2)*(3+4)", 21 },
        { "((((7))))", 7 },
        { "1e-3", 0.001 },
        { "2.5E+1", 25 },
        { "1.5e2", 150 },
        { ".5", 0.5 },
        { "5.", 5 },
        { "0.1", 0.1 },
        { "pi", Math.PI },
        { "e", Math.E },
        { "2*pi", 2 * Math.PI },
        { "min(2, 3) + max(2, 3)", 5 },
        { "min(-1, -2)", -2 },
        { "abs(-4) + sqrt(9)", 7 },
        { "exp(0) + log(1) + sin(0) + cos(0) + tan(0) + tanh(0) + sinh(0) + cosh(0) + atan(0)", 3 },
        { "3 − 1", 2 },             // typeset minus
        { "2 · 3 × 4", 24 },        // typeset products
        { "  7\t+\n1 ", 8 },
    };

    [Theory]
    [MemberData(nameof(ByHand))]
    public void Formula_Constant_EvaluatesToHandComputedValue(string formula, double expected) =>
        Assert.Equal(expected, Eval(formula));

    [Fact]
    public void Formula_WithVariables_FollowsPrecedence()
    {
        Assert.Equal(-9, Eval("-x^2", 3));
        Assert.Equal(9, Eval("(-x)^2", 3));
        Assert.Equal(-6, Eval("-x*y", 3, 2));
        Assert.Equal(1.0 / 9, Eval("x^-y", 3, 2));
        Assert.Equal(Math.Pow(2, 9), Eval("x^y^2", 2, 3));
        Assert.Equal(0, Eval("x-y-1", 3, 2));
        Assert.Equal(3, Eval("x/y*2", 3, 2));
        Assert.Equal(Math.Sin(6), Eval("sin(x*y)", 3, 2));
        Assert.Equal(11, Eval("x + y*4", 3, 2));
    }

    public static TheoryData<string, string> Canonical => new()
    {
        { "-x^2", "(-(x ^ 2))" },
        { "x^y^2", "(x ^ (y ^ 2))" },
        { "x^-y", "(x ^ (-y))" },
        { "x-y-1", "((x - y) - 1)" },
        { "x/y*2", "((x / y) * 2)" },
        { "-x*y", "((-x) * y)" },
        { "x + y*2", "(x + (y * 2))" },
        { "x**2", "(x ^ 2)" },
        { "max(x, -2)", "max(x, (-2))" },
        { "2*3*x", "(6 * x)" },       // constants fold left to right
        { "x*2*3", "((x * 2) * 3)" }, // but (x*2)*3 is not x*6: no reassociation
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Formula_Canonical_ShowsHowItWasRead(string formula, string expected) =>
        Assert.Equal(expected, CompiledFormula.Compile(formula).Canonical);

    private static FormulaException Error(string formula) =>
        Assert.Throws<FormulaException>(() => CompiledFormula.Compile(formula));

    public static TheoryData<string, int, string> Errors => new()
    {
        { "x^2 + * y", 6, "found '*'" },
        { "x + z", 4, "Unknown name 'z'" },
        { "(x + 1", 6, "Missing ')' to close the '(' at position 0" },
        { "((x + 1)", 8, "Missing ')' to close the '(' at position 0" },
        { "x + 1)", 5, "Unmatched ')'" },
        { "(x + 1))", 7, "Unmatched ')'" },
        { "sin(x y)", 6, "Missing ')' to close the call of 'sin' opened at position 3, but found 'y'" },
        { "x y", 2, "Unexpected 'y' after a complete expression" },
        { "2x", 1, "Unexpected 'x' after a complete expression" },
        { "2e", 1, "Unexpected 'e' after a complete expression" },
        { "x +", 3, "The formula ends where a number, x, y, a function or '(' is expected" },
        { "x * (", 5, "The formula ends where" },
        { "min(x)", 5, "'min' takes 2 arguments but got 1" },
        { "min(x,)", 6, "Argument 2 of 'min' is missing" },
        { "max(x, ,y)", 7, "Argument 2 of 'max' is missing" },
        { "min(,x)", 4, "found ','" },
        { "sin()", 4, "'sin' needs 1 argument" },
        { "sin(x, y)", 5, "'sin' takes 1 argument" },
        { "max(x, y, 1)", 8, "'max' takes 2 arguments" },
        { "sin x", 4, "'sin' is a function: write sin(u)" },
        { "sin", 3, "'sin' is a function" },
        { "x(2)", 1, "'x' is not a function" },
        { "pi(2)", 2, "'pi' is not a function" },
        { "x + #", 4, "Unexpected character '#'" },
        { "x + 1.2.3", 7, "Unexpected '.3'" },
        { "x + .", 4, "Unexpected character '.'" },
        { "1e999 + x", 0, "too large" },
        { "X + y", 0, "Unknown name 'X'" },
        { "x ^ ^ 2", 4, "found '^'" },
        { ")", 0, "found ')'" },
        { "()", 1, "found ')'" },
        { "x,y", 1, "Unexpected ','" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Formula_Invalid_ThrowsAtTheOffendingCharacter(string formula, int position, string reason)
    {
        FormulaException ex = Error(formula);
        Assert.Equal(position, ex.Position);
        Assert.Equal(formula, ex.Formula);
        Assert.Contains(reason, ex.Reason);
        Assert.Contains($"position {position}", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        string[] display = ex.Display.Split('\n');
        Assert.Equal(formula, display[0]);
        Assert.Equal(new string(' ', position) + "^", display[1]);
    }

    [Fact]
    public void FormulaException_Display_PutsACaretUnderTheOffendingCharacter()
    {
        FormulaException ex = Error("x^2 + * y");
        string[] lines = ex.Display.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("x^2 + * y", lines[0]);
        Assert.Equal("      ^", lines[1]);
        Assert.Equal(ex.Reason, lines[2]);
    }

    [Fact]
    public void FormulaException_DisplayAtEnd_PutsTheCaretAfterTheLastCharacter()
    {
        string[] lines = Error("(x + 1").Display.Split('\n');
        Assert.Equal("(x + 1", lines[0]);
        Assert.Equal("      ^", lines[1]);
    }

    [Fact]
    public void FormulaException_DisplayWithTabs_KeepsTheCaretAligned()
    {
        string[] lines = Error("x\t+ * y").Display.Split('\n');
        Assert.Equal(" \t  ^", lines[1]);
    }

    [Fact]
    public void FormulaException_DisplayOfLongFormula_ShowsAWindowAroundTheError()
    {
        string formula = string.Concat(Enumerable.Repeat("x + ", 200)) + "* y + " + string.Concat(Enumerable.Repeat("y + ", 20)) + "1";
        FormulaException ex = Error(formula);
        Assert.Equal(800, ex.Position);
        string[] lines = ex.Display.Split('\n');
        Assert.StartsWith("…", lines[0]);
        Assert.EndsWith("…", lines[0]);
        int caret = lines[1].IndexOf('^');
        Assert.Equal('*', lines[0][caret]);
        Assert.True(lines[0].Length <= 2 * Descent.Specs.CaretDisplay.Context + 2);
    }

    [Fact]
    public void UnknownName_Message_ListsEveryValidName()
    {
        FormulaException ex = Error("x + zeta");
        Assert.Equal(4, ex.Position);
        foreach (string name in new[] { "x", "y", "pi", "e", "abs", "sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "sinh", "cosh", "atan", "min", "max" })
            Assert.Contains($" {name}", ex.Reason);
        Assert.Equal(17, FormulaSyntax.ValidNames.Count);
    }

    [Fact]
    public void UnknownName_CloseToAFunction_SuggestsIt()
    {
        Assert.Contains("Did you mean 'sin'?", Error("sine(x)").Reason);
        Assert.Contains("Did you mean 'sqrt'?", Error("sqr(x)").Reason);
        Assert.DoesNotContain("Did you mean", Error("banana(x)").Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void EmptyFormula_Throws_AtPositionZero(string formula)
    {
        FormulaException ex = Error(formula);
        Assert.Equal(0, ex.Position);
        Assert.Contains("empty", ex.Reason);
    }

    [Fact]
    public void LongFormula_OverTheLimit_ThrowsSayingTheLimit()
    {
        string formula = "x" + string.Concat(Enumerable.Repeat("+x", 500));
        Assert.Equal(1001, formula.Length);
        FormulaException ex = Error(formula);
        Assert.Equal(1000, ex.Position);
        Assert.Contains("1001 characters", ex.Reason);
        Assert.Contains("limit is 1000", ex.Reason);
    }

    [Fact]
    public void LongFormula_AtTheLimit_CompilesAndDifferentiates()
    {
        string formula = "y" + string.Concat(Enumerable.Repeat("+x", 499)) + " ";
        Assert.Equal(FormulaSyntax.MaxLength, formula.Length);
        double value = CompiledFormula.Compile(formula).ValueAndGradient(2, 3, out double dx, out double dy);
        Assert.Equal(3 + 499 * 2, value);
        Assert.Equal(499, dx);
        Assert.Equal(1, dy);
    }

    [Fact]
    public void DeepNesting_BeyondTheLimit_Throws()
    {
        string ok = new string('(', FormulaSyntax.MaxDepth) + "x" + new string(')', FormulaSyntax.MaxDepth);
        Assert.Equal(4, CompiledFormula.Compile(ok).Value(4, 0));
        string deep = new string('(', FormulaSyntax.MaxDepth + 1) + "x" + new string(')', FormulaSyntax.MaxDepth + 1);
        FormulaException ex = Error(deep);
        Assert.Equal(FormulaSyntax.MaxDepth, ex.Position);
        Assert.Contains("nests deeper", ex.Reason);
        Assert.Contains("nests deeper", Error(new string('-', 300) + "x").Reason);
    }

    [Fact]
    public void Formula_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => CompiledFormula.Compile(null!));
}
