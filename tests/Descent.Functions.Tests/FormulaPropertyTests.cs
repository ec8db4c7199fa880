using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Functions.Tests;

/// <summary>
/// Property tests of typed formulas (docs/fuzzing.md): any text compiles or is refused with a
/// <see cref="FormulaException"/> that points inside it, in bounded time and memory; a compiled formula's
/// value agrees with an independent evaluation, and its exact gradient with central differences wherever
/// the function is smooth. CI runs CsCheck's default 100 cases per property; <c>CsCheck_Iter</c> and
/// <c>CsCheck_Time</c> run them longer (docs/fuzzing.md).
/// </summary>
public sealed class FormulaPropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// What one case may take, in wall-clock time. Compiling the longest formula accepted takes milliseconds;
    /// the margin is for a shared CI machine. A formula whose compiled size grows exponentially with its
    /// nesting takes minutes to forever, which is what the limit is for; the allocation budget, which does
    /// not depend on the machine, is the tight guard.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>Compiling a formula of at most 1000 characters allocates a few megabytes; 64 MB is a runaway.</summary>
    private const long MemoryBudget = 64L << 20;

    // ---- an independent model of smooth formulas ----

    /// <summary>
    /// Watches an evaluation: <see cref="Clearance"/> is the smallest distance, over every kink and
    /// singularity the formula has, from the point to it (|u| for abs and 1/u, u for log and sqrt, |a−b|
    /// for min and max, |cos u| for tan); <see cref="Magnitude"/> the largest intermediate value.
    /// </summary>
    private struct Watch
    {
        public double Clearance;
        public double Magnitude;

        public double Note(double value)
        {
            Magnitude = Math.Max(Magnitude, Math.Abs(value));
            return value;
        }

        public void Near(double distance) => Clearance = Math.Min(Clearance, double.IsNaN(distance) ? 0 : distance);
    }

    private delegate double Evaluate(double x, double y, ref Watch watch);

    /// <summary>A formula as text, fully parenthesized, with an evaluator written apart from the compiler.</summary>
    private sealed record Term(string Text, Evaluate Eval)
    {
        public override string ToString() => Text;
    }

    private static Term Unary(string name, Term u, Func<double, double> f, Func<double, double>? distance = null) =>
        new($"{name}({u.Text})", (double x, double y, ref Watch w) =>
        {
            double a = u.Eval(x, y, ref w);
            if (distance is not null) w.Near(distance(a));
            return w.Note(f(a));
        });

    private static Term Binary(string text, Term u, Term v, Func<double, double, double> f, Func<double, double, double>? distance = null) =>
        new(text, (double x, double y, ref Watch w) =>
        {
            double a = u.Eval(x, y, ref w), b = v.Eval(x, y, ref w);
            if (distance is not null) w.Near(distance(a, b));
            return w.Note(f(a, b));
        });

    /// <summary><c>u^n</c> for a constant n, each of the exponents the compiler treats specially and two it does not.</summary>
    private static Term Power(Term u, double n)
    {
        string exponent = n < 0 ? $"(-{-n:R})" : n.ToString("R", CultureInfo.InvariantCulture);
        Func<double, double>? distance = n == Math.Floor(n) ? (n < 0 ? Math.Abs : null) : a => a;
        return Unary("", u, a => Math.Pow(a, n), distance) with { Text = $"(({u.Text})^{exponent})" };
    }

    private static readonly Gen<Term> Leaves = Gen.OneOf(
        Gen.Const(new Term("x", (double x, double _, ref Watch w) => w.Note(x))),
        Gen.Const(new Term("y", (double _, double y, ref Watch w) => w.Note(y))),
        Gen.Int[-300, 300].Select(i =>
        {
            double c = i / 100.0;
            string text = c < 0 ? $"({c.ToString("R", CultureInfo.InvariantCulture)})" : c.ToString("R", CultureInfo.InvariantCulture);
            return new Term(text, (double _, double _, ref Watch w) => w.Note(c));
        }));

    private static readonly Func<Term, Term>[] UnaryBuilders =
    [
        u => Unary("sin", u, Math.Sin),
        u => Unary("cos", u, Math.Cos),
        u => Unary("tanh", u, Math.Tanh),
        u => Unary("atan", u, Math.Atan),
        u => Unary("exp", u, Math.Exp),
        u => Unary("sinh", u, Math.Sinh),
        u => Unary("cosh", u, Math.Cosh),
        u => Unary("log", u, Math.Log, a => a),
        u => Unary("sqrt", u, Math.Sqrt, a => a),
        u => Unary("tan", u, Math.Tan, a => Math.Abs(Math.Cos(a))),
        u => Unary("abs", u, Math.Abs, Math.Abs),
        u => Unary("-", u, a => -a) with { Text = $"(-({u.Text}))" },
        u => Power(u, 2),
        u => Power(u, 3),
        u => Power(u, 4),
        u => Power(u, 0),
        u => Power(u, 0.5),
        u => Power(u, -0.5),
        u => Power(u, -1),
        u => Power(u, -2),
        u => Power(u, 1.7),
        u => Unary("", u, a => Math.Pow(2, a)) with { Text = $"(2^({u.Text}))" },
        u => Unary("", u, a => Math.Pow(0.5, a)) with { Text = $"(0.5^({u.Text}))" },
    ];

    private static readonly Func<Term, Term, Term>[] BinaryBuilders =
    [
        (u, v) => Binary($"(({u.Text}) + ({v.Text}))", u, v, (a, b) => a + b),
        (u, v) => Binary($"(({u.Text}) - ({v.Text}))", u, v, (a, b) => a - b),
        (u, v) => Binary($"(({u.Text}) * ({v.Text}))", u, v, (a, b) => a * b),
        (u, v) => Binary($"(({u.Text}) / ({v.Text}))", u, v, (a, b) => a / b, (_, b) => Math.Abs(b)),
        (u, v) => Binary($"(({u.Text})^({v.Text}))", u, v, Math.Pow, (a, _) => a),
        (u, v) => Binary($"min({u.Text}, {v.Text})", u, v, Math.Min, (a, b) => Math.Abs(a - b)),
        (u, v) => Binary($"max({u.Text}, {v.Text})", u, v, Math.Max, (a, b) => Math.Abs(a - b)),
    ];

    /// <summary>Formulas of at most <paramref name="depth"/> levels over every rule the compiler differentiates.</summary>
    private static Gen<Term> Terms(int depth)
    {
        var gen = Leaves;
        for (int d = 1; d <= depth; d++)
        {
            var below = gen;
            gen = Gen.Frequency(
                (1, Leaves),
                (3, Gen.Select(Gen.OneOf(UnaryBuilders), below, (f, u) => f(u))),
                (3, Gen.Select(Gen.OneOf(BinaryBuilders), below, below, (f, u, v) => f(u, v))));
        }
        return gen;
    }

    // ---- hostile text ----

    private const string Alphabet = "0123456789.eExy+-*/^(),  pisnqrtlogmaxbchEe\u2212\u00b7\u00d7";

    /// <summary>The same opening repeated n times around a core: the shapes that nest deep or grow fast.</summary>
    private static readonly Gen<string> Nested = Gen.Select(Gen.OneOf(Gen.Int[1, 120], Gen.Int[1, 3000]), Gen.OneOf(
        ("(", "x", ")"), ("-", "x", ""), ("+-", "x", ""), ("sqrt(", "x", ")"), ("max(", "x", ",y)"), ("min(y,", "x", ")"),
        ("(", "x", ")^2"), ("(", "x", ")^3"), ("(", "x", ")^-2"), ("(", "x", ")^0.5"), ("(", "x", ")^y"), ("x^", "x", ""), ("2^", "x", ""),
        ("exp(", "x", ")"), ("(", "x", ")/x"), ("(", "x", ")*(x+1)"), ("abs(", "x", ")"), ("x+", "x", ""), ("x*", "x", ""),
        ("x/", "x", ""), ("(", "x", ""), ("", "x", ")"), ("((", "x", ")"), ("max(", "x", ",max(x,y))")), (n, p) =>
        {
            var sb = new StringBuilder();
            for (int i = 0; i < n && sb.Length < 3000; i++) sb.Append(p.Item1);
            int count = n;
            sb.Append(p.Item2);
            for (int i = 0; i < count && sb.Length < 6000; i++) sb.Append(p.Item3);
            return sb.ToString();
        });

    private static readonly Gen<string> Noise = Gen.OneOf(
        Gen.Char[Alphabet].Array[0, 40].Select(a => new string(a)),
        Gen.Char[' ', '~'].Array[0, 40].Select(a => new string(a)),
        Gen.Char["\0\u0001\t\n\r\u001b\u007f\u0085\u2028\u2029\u202e\ufeff\ud800\udc00x(1"].Array[0, 20].Select(a => new string(a)),
        Gen.Char.Array[0, 30].Select(a => new string(a)));

    private static readonly Gen<string> Numbers = Gen.OneOf(
        Gen.OneOf("1e308*10", "1e309", "1e-400", "4.9e-324", "1.7976931348623157e308", "2e", "2e+", "1.2.3", "..5", "5..", "0x10",
            "9" + new string('9', 400), "0." + new string('0', 500) + "1", "1e" + new string('9', 30), "1e-99999999999"),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>A valid formula with a few characters changed, inserted or deleted.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(Terms(4), Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Char[Alphabet + "\n\0"]).Array[1, 3], (term, edits) =>
        {
            var s = new StringBuilder(term.Text);
            foreach (var (kind, at, c) in edits)
            {
                int i = at % (s.Length + 1);
                if (kind == 0 && i < s.Length) s[i] = c;
                else if (kind == 1) s.Insert(i, c);
                else if (i < s.Length) s.Remove(i, 1);
            }
            return s.ToString();
        });

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, Terms(5).Select(t => t.Text)), (3, Mutated), (2, Noise), (2, Nested), (1, Numbers),
        (1, Gen.Int[990, 200_000].Select(n => string.Concat(Enumerable.Repeat("x+", n / 2)) + "x")));

    // ---- helpers ----

    private static Exception? Bounded(string text, Action work) => Descent.Testing.BoundedRun.Run(work, Budget, MemoryBudget, Show(text));

    private static string Show(string text) =>
        $"\"{string.Concat((text.Length > 200 ? text[..200] : text).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"))}\" ({text.Length} characters)";

    /// <summary>Compiles <paramref name="text"/>; a compiled formula is evaluated, a refusal checked. Anything else fails.</summary>
    private static void CompilesOrRefuses(string text)
    {
        CompiledFormula? formula = null;
        var thrown = Bounded(text, () =>
        {
            formula = CompiledFormula.Compile(text);
            // Both delegates run the same operations, so the value is the same bits (FormulaSyntax).
            foreach (var (x, y) in new[] { (0.0, 0.0), (1.5, -0.5), (-2.25, 3.0), (1e10, -1e-10) })
            {
                double value = formula.Value(x, y);
                double withGradient = formula.ValueAndGradient(x, y, out _, out _);
                Assert.True(value.Equals(withGradient), $"Value {value:R} but ValueAndGradient {withGradient:R} at ({x}, {y}) for {Show(text)}");
            }
        });
        if (thrown is FormulaException e)
        {
            Assert.Equal(text, e.Formula);
            Assert.InRange(e.Position, 0, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            foreach (char c in e.Message)
                Assert.False(char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format,
                    $"message holds U+{(int)c:X4}: {Show(e.Message)} for {Show(text)}");
            Assert.EndsWith($"(formula position {e.Position})", e.Message);
            Assert.Equal(3, e.Display.Split('\n').Length);
        }
        else if (thrown is not null)
        {
            throw new XunitException($"{thrown.GetType().Name} for {Show(text)}: {thrown}");
        }
    }

    // ---- properties ----

    [Fact]
    public void Compile_AnyText_CompilesOrRefusesAtAPositionInBoundedTimeAndMemory() =>
        AnyText.Sample(CompilesOrRefuses, writeLine: output.WriteLine, print: Show);

    [Theory]
    [InlineData(100_000, "(", "x", ")")]
    [InlineData(100_000, "(", "", "")]
    [InlineData(100_000, "-", "x", "")]
    [InlineData(499, "x^", "x", "")]
    [InlineData(99, "(", "x", ")^2")]
    [InlineData(99, "(", "x", ")^3")]
    [InlineData(99, "(", "x", ")^-2")]
    [InlineData(99, "max(", "x", ",y)")]
    [InlineData(99, "min(y,", "x", ")")]
    [InlineData(60, "max(", "x", ",max(x,y))")]
    public void Compile_DeepNesting_CompilesOrRefusesInBoundedTime(int n, string open, string core, string close)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append(open);
        sb.Append(core);
        for (int i = 0; i < n; i++) sb.Append(close);
        CompilesOrRefuses(sb.ToString());
    }

    /// <summary>
    /// The compiled value agrees with the model's, and the exact gradient with central differences.
    /// <para>Step and tolerance: the central difference D(h) = (f(t+h) − f(t−h))/2h errs by the truncation
    /// h²·f‴/6 plus the rounding ε·M/h, M the largest intermediate value. With h = 1e-5·max(1, |t|), points
    /// skipped where M exceeds 1e4, the rounding stays below 2.2e-16·1e4/1e-5 ≈ 2e-7, and the truncation is
    /// about 1e-10 of f‴. A relative tolerance of 1e-5 (absolute below 1) is fifty times the rounding and
    /// far below any wrong derivative rule (a missing factor or sign is an O(1) relative error). The
    /// truncation is checked, not assumed: D(2h) errs four times as much as D(h), so where they differ by
    /// more than a quarter of the tolerance the function bends too fast at this scale for the comparison to
    /// mean anything, and the point is skipped, as are points within 0.01 of a kink or singularity.</para>
    /// </summary>
    [Fact]
    public void ValueAndGradient_SmoothFormula_MatchesModelAndCentralDifferences()
    {
        long compared = 0, skipped = 0;
        var points = Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3]).Array[8];
        Gen.Select(Terms(4), points).Sample(c =>
        {
            var (term, at) = c;
            var formula = CompiledFormula.Compile(term.Text);
            foreach (var (x, y) in at)
            {
                if (Compare(term, formula, x, y)) Interlocked.Increment(ref compared);
                else Interlocked.Increment(ref skipped);
            }
        }, writeLine: output.WriteLine, print: c => $"{c.Item1.Text} at {string.Join(" ", c.Item2.Select(p => $"({p.Item1:R}, {p.Item2:R})"))}");
        output.WriteLine($"points compared {compared}, skipped {skipped}");
        // Most points of most formulas are smooth; if not, the generator has drifted and the property tests little.
        Assert.True(compared >= (compared + skipped) / 3, $"compared {compared}, skipped {skipped}");
    }

    private static double Model(Term term, double x, double y, out Watch watch)
    {
        watch = new Watch { Clearance = double.PositiveInfinity };
        return term.Eval(x, y, ref watch);
    }

    /// <summary>Checks one point; false when the point is skipped (not smooth there, or too large to difference).</summary>
    private static bool Compare(Term term, CompiledFormula formula, double x, double y)
    {
        double model = Model(term, x, y, out var watch);
        if (!double.IsFinite(model) || watch.Clearance < 0.01 || watch.Magnitude > 1e4) return false;
        double value = formula.ValueAndGradient(x, y, out double dx, out double dy);
        // The model uses Math.Pow where the compiler multiplies (u·u): a few ulps of the largest intermediate.
        Assert.True(Math.Abs(value - model) <= 1e-9 * Math.Max(1, watch.Magnitude), $"value {value:R}, model {model:R} at ({x:R}, {y:R})");
        return Difference(term, x, y, dx, 0, "∂x") && Difference(term, x, y, dy, 1, "∂y");
    }

    private static bool Difference(Term term, double x, double y, double exact, int axis, string name)
    {
        double t = axis == 0 ? x : y, h = 1e-5 * Math.Max(1, Math.Abs(t));
        double F(double offset)
        {
            double v = axis == 0 ? Model(term, x + offset, y, out var w) : Model(term, x, y + offset, out w);
            return w.Clearance < 0.005 || w.Magnitude > 1e4 ? double.NaN : v;
        }
        double plus = F(h), minus = F(-h), plus2 = F(2 * h), minus2 = F(-2 * h);
        double d1 = (plus - minus) / (2 * h), d2 = (plus2 - minus2) / (4 * h);
        if (!double.IsFinite(d1) || !double.IsFinite(d2) || Math.Abs(d1) > 1e6) return false;
        double tolerance = 1e-5 * Math.Max(1, Math.Abs(d1));
        if (Math.Abs(d1 - d2) > tolerance / 4) return false;
        Assert.True(Math.Abs(exact - d1) <= tolerance, $"{name}: exact {exact:R}, central difference {d1:R} (2h: {d2:R}) at ({x:R}, {y:R})");
        return true;
    }
}
