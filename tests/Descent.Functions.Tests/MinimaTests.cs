namespace Descent.Functions.Tests;

public class MinimaTests
{
    public static TheoryData<string> AllFunctions => new(FunctionCatalog.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void KnownMinima_ValueThere_IsTheDocumentedValue(string name)
    {
        Objective f = FunctionCatalog.Find(name).Objective;
        foreach (KnownMinimum m in f.Minima)
        {
            double value = f.Value(m.X, m.Y);
            Assert.True(Math.Abs(value - m.Value) <= 1e-12 * Math.Max(1, Math.Abs(m.Value)), $"{name} at {m}: {value:R}");
        }
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void KnownMinima_Gradient_IsZero(string name)
    {
        Objective f = FunctionCatalog.Find(name).Objective;
        foreach (KnownMinimum m in f.Minima)
        {
            if (name == "ackley") continue; // not differentiable there: see Ackley_GradientAtMinimum_IsNaNAsPyTorch
            f.ValueAndGradient(m.X, m.Y, out double dx, out double dy);
            // The coordinates are rounded to doubles: the gradient is the Hessian times ~1e-16.
            double tolerance = 1e-9 * Math.Max(1, Math.Abs(m.Value));
            Assert.True(Math.Abs(dx) <= tolerance && Math.Abs(dy) <= tolerance, $"{name} at {m}: gradient ({dx:R}, {dy:R})");
        }
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void KnownMinima_NeighbouringPoints_AreHigher(string name)
    {
        Objective f = FunctionCatalog.Find(name).Objective;
        foreach (KnownMinimum m in f.Minima)
        {
            double centre = f.Value(m.X, m.Y);
            for (int k = 0; k < 8; k++)
            {
                double angle = k * Math.PI / 4;
                double x = m.X + 1e-4 * Math.Cos(angle), y = m.Y + 1e-4 * Math.Sin(angle);
                Assert.True(f.Value(x, y) > centre, $"{name} at {m}: f({x:R}, {y:R}) = {f.Value(x, y):R} ≤ {centre:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void KnownMinima_LieInTheDomain_GlobalFirst_LowestIsGlobal(string name)
    {
        FunctionEntry e = FunctionCatalog.Find(name);
        Assert.All(e.Minima, m => Assert.True(e.Domain.Contains(m.X, m.Y), $"{name}: {m} outside {e.Domain}"));
        Assert.True(e.Domain.Contains(e.Start.X, e.Start.Y), $"{name}: start {e.Start} outside {e.Domain}");
        if (e.Minima.Count == 0)
        {
            Assert.Contains(name, new[] { "saddle", "monkey-saddle" }); // unbounded below
            return;
        }
        Assert.True(e.Minima[0].IsGlobal);
        double best = e.Minima.Where(m => m.IsGlobal).Max(m => m.Value);
        Assert.All(e.Minima.Where(m => !m.IsGlobal), m => Assert.True(m.Value > best));
        Assert.All(e.Minima.Where(m => m.IsGlobal), m => Assert.True(Math.Abs(m.Value - e.Minima[0].Value) < 1e-12));
    }

    [Fact]
    public void KnownMinima_LiteratureValues_AreTheDocumentedOnes()
    {
        // Values as published: Styblinski–Tang −39.16617 per dimension; Goldstein–Price 3 and local 30, 84, 840;
        // Rosenbrock, Beale, Booth, Himmelblau, Rastrigin, Ackley 0.
        Assert.Equal(-78.33233, FunctionCatalog.Find("styblinski-tang").Minima[0].Value, 5);
        Assert.Equal(-2.903534, FunctionCatalog.Find("styblinski-tang").Minima[0].X, 6);
        Assert.Equal([3.0, 30, 84, 840], FunctionCatalog.Find("goldstein-price").Minima.Select(m => m.Value));
        Assert.Equal(new Point2(1, 1), FunctionCatalog.Find("rosenbrock").Minima.Single().Point);
        Assert.Equal(new Point2(3, 0.5), FunctionCatalog.Find("beale").Minima.Single().Point);
        Assert.Equal(new Point2(1, 3), FunctionCatalog.Find("booth").Minima.Single().Point);
        Assert.Equal(4, FunctionCatalog.Find("himmelblau").Minima.Count);
        // The literature quotes Himmelblau's minima to 6 decimals (truncated): within 1e-6.
        AssertNear(new Point2(-2.805118, 3.131312), FunctionCatalog.Find("himmelblau").Minima[1].Point, 1e-6);
        AssertNear(new Point2(-3.779310, -3.283186), FunctionCatalog.Find("himmelblau").Minima[2].Point, 1e-6);
        AssertNear(new Point2(3.584428, -1.848126), FunctionCatalog.Find("himmelblau").Minima[3].Point, 1e-6);
    }

    private static void AssertNear(Point2 expected, Point2 actual, double tolerance)
    {
        Assert.Equal(expected.X, actual.X, tolerance);
        Assert.Equal(expected.Y, actual.Y, tolerance);
    }

    [Fact]
    public void Ackley_GradientAtMinimum_IsNaNAsPyTorch()
    {
        // sqrt(0.5·(x² + y²)) at the origin: du/(2·√u) = 0/0. PyTorch's autograd gives NaN too.
        Objective f = FunctionCatalog.Find("ackley").Objective;
        double value = f.ValueAndGradient(0, 0, out double dx, out double dy);
        Assert.True(Math.Abs(value) < 1e-15);
        Assert.True(double.IsNaN(dx) && double.IsNaN(dy));
    }
}
