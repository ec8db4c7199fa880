namespace Descent.Functions.Tests;

public class GradientTests
{
    public static TheoryData<string> AllFunctions => new(FunctionCatalog.All.Select(e => e.Name));

    /// <summary>Kinks of the built-ins, where no derivative exists to compare with.</summary>
    private static Func<double, double, bool>? Kinks(string name) => name switch
    {
        "wobbly" => (x, _) => Math.Abs(x) < 0.01,
        "ackley" => (x, y) => x * x + y * y < 1e-4,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void BuiltIn_GradientOnGrid_MatchesCentralDifference(string name)
    {
        Objective f = FunctionCatalog.Find(name).Objective;
        CentralDifference.AssertGradientOnGrid(f, f.Domain, Kinks(name));
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void BuiltIn_GradientOnLectureSizedGrid_MatchesCentralDifference(string name)
    {
        // A denser grid on a part of the domain, where the ripples and walls are narrow.
        Objective f = FunctionCatalog.Find(name).Objective;
        Domain d = f.Domain;
        var inner = new Domain(d.XMin + d.Width * 0.3, d.XMax - d.Width * 0.3, d.YMin + d.Height * 0.3, d.YMax - d.Height * 0.3);
        CentralDifference.AssertGradientOnGrid(f, inner, Kinks(name), n: 23);
    }

    /// <summary>Typed formulas that together use every operator, function, constant and number form.</summary>
    public static TheoryData<string, double, double, double, double> Formulas => new()
    {
        { "x^3 - 2*x*y + y^2/4", -2, 2, -2, 2 },
        { "sin(x)*cos(y) + tan(x/3)", -2, 2, -2, 2 },
        { "tanh(x - y) + sinh(x/2)*cosh(y/2)", -2, 2, -2, 2 },
        { "atan(x*y) + exp(-x^2) - log(3 + x + y^2)", -2, 2, -2, 2 },
        { "sqrt(1 + x^2 + y^2)*abs(x - 3) + abs(y + 2.5)", -2, 2, -2, 2 },
        { "min(x, y^2) + max(x*y, 1 - x)", -2, 2, -2, 2 },
        { "2^x + x^y + (x + y)^-2", 0.5, 2, 0.5, 2 },
        { "x^0.5 + y^-0.5 + x^-1 + y^3 + x^1.5 + y^0", 0.5, 2, 0.5, 2 },
        { "(x^2 + 1)^(y/2) - e^x + x**2*y", -2, 2, -2, 2 },
        { "-x^2 + pi*e*y - 1e-3*x*y + 2.5E+1/(3 + y) - -x + +y", -2, 2, -2, 2 },
        { "cosh(x)/(1 + y^2) - .5*x/y", -2, 2, 0.5, 2 },
        { "x/y/(x + 3) - 2^3^x", -2, 2, 0.5, 2 },
        { "-(x + y)^2*sin(3*x)^2 + exp(-1.5*(2*(x + 2)^2 + (y - 0.5)^2))", -2, 2, -2, 2 },
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void TypedFormula_GradientOnGrid_MatchesCentralDifference(string formula, double x0, double x1, double y0, double y1)
    {
        Objective f = Objective.FromFormula(formula);
        // min/max are not differentiable where their arguments tie; skip the grid points near a tie.
        Func<double, double, bool>? skip = formula.StartsWith("min", StringComparison.Ordinal)
            ? (x, y) => Math.Abs(x - y * y) < 0.01 || Math.Abs(x * y - (1 - x)) < 0.01
            : null;
        CentralDifference.AssertGradientOnGrid(f, new Domain(x0, x1, y0, y1), skip, n: 11);
    }

    [Fact]
    public void TypedFormulas_Together_UseEveryFunctionOperatorConstantAndNumberForm()
    {
        string all = string.Join(" ", Formulas.Select(row => (string)row[0]));
        foreach (string function in FormulaSyntax.Functions)
            Assert.Contains(function + "(", all);
        foreach (string token in new[] { "+", "-", "*", "/", "^", "**", "pi", "e*", "e^", "1e-3", "2.5E+1", ".5", "-x", "+y", "- -", "^-" })
            Assert.Contains(token, all);
    }

    [Fact]
    public void MinMaxFormula_BothBranchesOfEach_AreCheckedOnTheGrid()
    {
        // Guards the test above: its grid must see both winners of min and of max.
        var branches = new HashSet<string>();
        for (int i = 0; i < 11; i++)
            for (int j = 0; j < 11; j++)
            {
                double x = -2 + (i + 0.37) / 11 * 4, y = -2 + (j + 0.61) / 11 * 4;
                branches.Add(x < y * y ? "min:x" : "min:y2");
                branches.Add(x * y > 1 - x ? "max:xy" : "max:1-x");
            }
        Assert.Equal(4, branches.Count);
    }
}
