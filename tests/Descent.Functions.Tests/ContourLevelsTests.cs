namespace Descent.Functions.Tests;

public class ContourLevelsTests
{
    private static double[] Linspace(double a, double b, int n) => [.. Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1))];

    [Fact]
    public void ContourLevels_EvenRange_RoundLinearStepsInsideRange()
    {
        // 0..10 in 24 levels: 10/24 = 0.42 rounds up to the step 0.5; 0 and 10 themselves draw nothing.
        var chosen = ContourLevels.Choose(Linspace(0, 10, 1001));

        Assert.Equal(ContourSpacing.Linear, chosen.Spacing);
        Assert.Equal(Enumerable.Range(1, 19).Select(k => k * 0.5), chosen.Levels);
    }

    [Fact]
    public void ContourLevels_SixDecades_LogSpacedOneTwoFive()
    {
        // 10^u for u in [0, 6]: the 1st percentile is 10^0.06 ≈ 1.15, so the levels start at the round 1
        // below it (equal to the minimum, so dropped) and go 2, 5, 10, … up to 5e5 below the maximum 1e6.
        var values = Linspace(0, 6, 1001).Select(u => Math.Pow(10, u));

        var chosen = ContourLevels.Choose(values);

        Assert.Equal(ContourSpacing.Logarithmic, chosen.Spacing);
        Assert.Equal(0, chosen.Base);
        double[] expected = [2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5];
        Assert.Equal(expected, chosen.Levels);
    }

    [Fact]
    public void ContourLevels_WideRangeBelowZero_CountsFromTheLowestValue()
    {
        // −5 + 10^u for u in [0, 4]: the lowest value is −4, so levels are −4 + 1, 2, 5 times powers of ten; the
        // rise at the 1st percentile is 10^0.04 − 1 ≈ 0.0965, so they start at the round 0.05 below it.
        var values = Linspace(0, 4, 1001).Select(u => -5 + Math.Pow(10, u));

        var chosen = ContourLevels.Choose(values);

        Assert.Equal(ContourSpacing.Logarithmic, chosen.Spacing);
        Assert.Equal(-4, chosen.Base);
        Assert.Equal([-3.95, -3.9, -3.8, -3.5, -3, -2, 1, 6, 16, 46, 96, 196, 496, 996, 1996, 4996], chosen.Levels);
    }

    [Fact]
    public void ContourLevels_NaNAndInfinities_AreSkipped()
    {
        double[] clean = Linspace(0, 10, 1001);
        double[] dirty = [double.NaN, .. clean, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

        Assert.Equal(ContourLevels.Choose(clean).Levels, ContourLevels.Choose(dirty).Levels);
    }

    [Fact]
    public void ContourLevels_NoFiniteOrConstantValues_NoLevels()
    {
        Assert.Empty(ContourLevels.Choose([double.NaN, double.PositiveInfinity]).Levels);
        Assert.Empty(ContourLevels.Choose([]).Levels);
        Assert.Empty(ContourLevels.Choose([3.0, 3.0, 3.0]).Levels);
    }

    [Fact]
    public void ContourLevels_Rosenbrock_LogSpacedThroughTheValley()
    {
        var f = FunctionCatalog.Find("rosenbrock").Objective;
        var values = f.Evaluate(f.Domain.XValues(201), f.Domain.YValues(201));

        var chosen = ContourLevels.Choose(values);

        // Rosenbrock on [−2, 2] × [−1, 3] runs from 0 at (1, 1) to 2509 at (−2, −1).
        Assert.Equal(ContourSpacing.Logarithmic, chosen.Spacing);
        Assert.Contains(1.0, chosen.Levels);
        Assert.Contains(10.0, chosen.Levels);
        Assert.Contains(100.0, chosen.Levels);
        Assert.Contains(1000.0, chosen.Levels);
        Assert.DoesNotContain(5000.0, chosen.Levels);
    }

    [Theory]
    [InlineData("quadratic", ContourSpacing.Linear)]
    [InlineData("styblinski-tang", ContourSpacing.Linear)]
    [InlineData("saddle", ContourSpacing.Linear)]
    [InlineData("rastrigin", ContourSpacing.Linear)]
    [InlineData("beale", ContourSpacing.Logarithmic)]
    [InlineData("goldstein-price", ContourSpacing.Logarithmic)]
    [InlineData("himmelblau", ContourSpacing.Logarithmic)]
    public void ContourLevels_CatalogFunction_MonotonicInsideFiniteRange(string name, ContourSpacing spacing)
    {
        var f = FunctionCatalog.Find(name).Objective;
        var values = f.Evaluate(f.Domain.XValues(201), f.Domain.YValues(201)).Cast<double>().Where(double.IsFinite).ToArray();

        var chosen = ContourLevels.Choose(values);

        Assert.Equal(spacing, chosen.Spacing);
        Assert.InRange(chosen.Levels.Count, 8, 36);
        for (int i = 1; i < chosen.Levels.Count; i++) Assert.True(chosen.Levels[i] > chosen.Levels[i - 1], $"{name}: levels not increasing at {i}");
        Assert.All(chosen.Levels, level => Assert.InRange(level, values.Min(), values.Max()));
    }

    [Theory]
    [InlineData(6.25, "6.25")]
    [InlineData(-1.75, "-1.75")]
    [InlineData(0, "0")]
    [InlineData(1e6, "1E+6")]
    [InlineData(250000, "2.5E+5")]
    [InlineData(0.6000000000000001, "0.6")]
    [InlineData(12345.678, "12346")]
    public void ContourLevels_Format_ReadableLabel(double level, string expected) =>
        Assert.Equal(expected, ContourLevels.Format(level));
}
