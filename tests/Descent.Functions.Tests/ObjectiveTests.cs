namespace Descent.Functions.Tests;

public class ObjectiveTests
{
    [Fact]
    public void Evaluation_AfterWarmUp_AllocatesNothing()
    {
        Objective f = FunctionCatalog.Find("hills-and-canyon").Objective;
        Span<double> point = stackalloc double[] { -2.8, -2.5 };
        Span<double> gradient = stackalloc double[2];
        double sink = f.Value(0.1, 0.2) + f.ValueAndGradient(0.1, 0.2, out _, out _);
        f.Gradient(point, gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sink += f.Value(i * 1e-4, 0.5);
            sink += f.ValueAndGradient(i * 1e-4, 0.5, out double dx, out double dy) + dx + dy;
            f.Gradient(point, gradient);
            sink += gradient[0];
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Gradient_AsGradientOracle_WritesTheGradient()
    {
        Objective f = FunctionCatalog.Find("quadratic").Objective;
        GradientOracle<double> oracle = f.Gradient;
        double[] g = new double[2];
        oracle([1.5, -2], g);
        Assert.Equal([3.0, -4.0], g);
        Assert.Equal(6.25, f.ValueAndGradient([1.5, -2], g));
        Assert.Equal(6.25, f.Value([1.5, -2]));
    }

    [Fact]
    public void ValueAndGradient_WrongLengths_Throws()
    {
        Objective f = FunctionCatalog.Find("quadratic").Objective;
        Assert.Throws<ArgumentException>(() => f.ValueAndGradient([1, 2, 3], new double[2]));
        Assert.Throws<ArgumentException>(() => f.ValueAndGradient([1, 2], new double[1]));
    }

    [Fact]
    public void Evaluate_Grid_IsRowMajorInY()
    {
        Objective f = Objective.FromFormula("x + 10*y");
        double[] xs = [1, 2, 3], ys = [0, 1];
        var flat = new double[6];
        f.Evaluate(xs, ys, flat);
        Assert.Equal([1.0, 2, 3, 11, 12, 13], flat);
        double[,] grid = f.Evaluate(xs, ys);
        Assert.Equal(2, grid.GetLength(0));
        Assert.Equal(3, grid.GetLength(1));
        Assert.Equal(12, grid[1, 1]);
        Assert.Throws<ArgumentException>(() => f.Evaluate(xs, ys, new double[5]));
    }

    [Fact]
    public void ValueAndGradient_Value_IsBitIdenticalToValue_ForEveryBuiltIn()
    {
        foreach (FunctionEntry e in FunctionCatalog.All)
        {
            Objective f = e.Objective;
            double[] xs = f.Domain.XValues(37), ys = f.Domain.YValues(41);
            foreach (double y in ys)
                foreach (double x in xs)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(f.Value(x, y)),
                        BitConverter.DoubleToInt64Bits(f.ValueAndGradient(x, y, out _, out _)));
        }
    }

    [Fact]
    public void With_NewStartAndDomain_KeepsTheFunction()
    {
        Objective f = FunctionCatalog.Find("rosenbrock").Objective;
        Objective g = f with { Start = new Point2(0, 0), Domain = Domain.Square(-1, 1) };
        Assert.Equal(new Point2(0, 0), g.Start);
        Assert.Equal(new Point2(-1.2, 1), f.Start);
        Assert.Equal(f.Formula, g.Formula);
        Assert.Equal(f.Value(0.3, 0.7), g.Value(0.3, 0.7));
        Assert.Equal("rosenbrock", g.ToString());
    }

    [Fact]
    public void FromFormula_Name_DefaultsToTheTrimmedFormula()
    {
        Assert.Equal("x*y", Objective.FromFormula("  x*y ").Name);
        Assert.Equal("mine", Objective.FromFormula("x*y", "mine").Name);
    }

    [Fact]
    public void Domain_Linspace_IncludesBothEnds()
    {
        double[] xs = new Domain(-2, 2, 0, 1).XValues(5);
        Assert.Equal([-2.0, -1, 0, 1, 2], xs);
        Assert.Equal([0.0, 0.5, 1], new Domain(-2, 2, 0, 1).YValues(3));
    }

    [Fact]
    public void Evaluation_FromManyThreads_GivesTheSameBits()
    {
        Objective f = FunctionCatalog.Find("wobbly").Objective;
        double expected = f.ValueAndGradient(0.3, -0.4, out double ex, out double ey);
        Parallel.For(0, 64, _ =>
        {
            for (int i = 0; i < 1000; i++)
            {
                double v = f.ValueAndGradient(0.3, -0.4, out double dx, out double dy);
                Assert.Equal((expected, ex, ey), (v, dx, dy));
            }
        });
    }
}
