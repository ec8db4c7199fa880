namespace Descent.Functions.Tests;

public class FunctionCatalogTests
{
    [Fact]
    public void Catalog_Names_AreTheArchitecturesNamesInOrder()
    {
        Assert.Equal(
            [
                "quadratic", "wobbly", "basins-and-walls", "ripple", "giant-plateau", "hills-and-canyon", "two-minimums",
                "rosenbrock", "beale", "himmelblau", "rastrigin", "ackley", "booth", "saddle", "monkey-saddle",
                "styblinski-tang", "goldstein-price",
            ],
            FunctionCatalog.All.Select(e => e.Name));
        Assert.Equal(7, FunctionCatalog.All.Count(e => e.Kind == FunctionKind.Lecture));
        Assert.Equal(10, FunctionCatalog.All.Count(e => e.Kind == FunctionKind.Classic));
        Assert.Contains("bad-init", FunctionCatalog.Names);
        Assert.Equal(18, FunctionCatalog.Names.Count);
    }

    [Theory]
    [InlineData("bad-init", "two-minimums")]
    [InlineData("two-minimums", "two-minimums")]
    [InlineData("  Hills-And-Canyon ", "hills-and-canyon")]
    [InlineData("ROSENBROCK", "rosenbrock")]
    public void Find_NameOrAlias_FindsTheEntry(string name, string expected) =>
        Assert.Equal(expected, FunctionCatalog.Find(name).Name);

    [Fact]
    public void Find_Alias_GivesTheSameObjective() =>
        Assert.Same(FunctionCatalog.Find("two-minimums").Objective, FunctionCatalog.Find("bad-init").Objective);

    [Fact]
    public void Find_UnknownName_ThrowsListingEveryValidName()
    {
        var ex = Assert.Throws<UnknownFunctionException>(() => FunctionCatalog.Find("volcano"));
        Assert.Equal("volcano", ex.Name);
        foreach (string name in FunctionCatalog.Names)
            Assert.Contains(name, ex.Message);
        Assert.Null(ex.Suggestion);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.False(FunctionCatalog.TryFind("volcano", out _));
    }

    [Fact]
    public void Resolve_BuiltInName_GivesTheBuiltIn()
    {
        Objective f = FunctionCatalog.Resolve("hills-and-canyon");
        Assert.Equal("hills-and-canyon", f.Name);
        Assert.Equal(FunctionKind.Lecture, f.Kind);
        Assert.Same(FunctionCatalog.Find("hills-and-canyon").Objective, f);
    }

    [Fact]
    public void Resolve_Formula_GivesATypedObjectiveOnTheLectureDomain()
    {
        Objective f = FunctionCatalog.Resolve(" x^2 + 3*y^2 ");
        Assert.Equal(FunctionKind.Formula, f.Kind);
        Assert.Equal("x^2 + 3*y^2", f.Name);
        Assert.Equal(" x^2 + 3*y^2 ", f.Formula);
        Assert.Equal(new Domain(-3, 3, -3, 3), f.Domain);
        Assert.Equal(new Point2(-2.8, -2.5), f.Start);
        Assert.Empty(f.Minima);
        Assert.Null(f.ContourLevels);
        Assert.Null(f.GridStep);
        Assert.Equal(4 + 27, f.ValueAndGradient(2, 3, out double dx, out double dy));
        Assert.Equal((4.0, 18.0), (dx, dy));
    }

    [Theory]
    [InlineData("x", 1.5)]
    [InlineData("e", Math.E)]
    [InlineData("pi", Math.PI)]
    public void Resolve_NameLikeFormula_IsAFormula(string text, double expected) =>
        Assert.Equal(expected, FunctionCatalog.Resolve(text).Value(1.5, 2));

    [Fact]
    public void Resolve_MisspelledName_SuggestsTheBuiltIn()
    {
        var ex = Assert.Throws<UnknownFunctionException>(() => FunctionCatalog.Resolve("rosenbrok"));
        Assert.Equal("rosenbrock", ex.Suggestion);
        Assert.Contains("Did you mean 'rosenbrock'?", ex.Message);
        Assert.Equal("hills-and-canyon", Assert.Throws<UnknownFunctionException>(() => FunctionCatalog.Resolve("hills-and-canyons")).Suggestion);
        Assert.Equal("bad-init", Assert.Throws<UnknownFunctionException>(() => FunctionCatalog.Resolve("bad_init")).Suggestion);
    }

    [Theory]
    [InlineData("x-z", 2)]
    [InlineData("sin", 3)]
    public void Resolve_NameLikeFormulaWithAMistake_ThrowsFormulaException(string text, int position) =>
        Assert.Equal(position, Assert.Throws<FormulaException>(() => FunctionCatalog.Resolve(text)).Position);

    [Fact]
    public void Resolve_UnknownHyphenatedName_ThrowsUnknownFunction() =>
        Assert.Null(Assert.Throws<UnknownFunctionException>(() => FunctionCatalog.Resolve("my-own-valley")).Suggestion);

    [Fact]
    public void Resolve_BadFormula_ThrowsFormulaExceptionAtTheCharacter()
    {
        var ex = Assert.Throws<FormulaException>(() => FunctionCatalog.Resolve("x^2 + * y"));
        Assert.Equal(6, ex.Position);
        Assert.IsAssignableFrom<FunctionException>(ex);
    }

    [Fact]
    public void Entry_Objective_CarriesTheEntrysMetadata()
    {
        foreach (FunctionEntry e in FunctionCatalog.All)
        {
            Objective f = e.Objective;
            Assert.Equal(e.Name, f.Name);
            Assert.Equal(e.Formula, f.Formula);
            Assert.Equal(e.Kind, f.Kind);
            Assert.Equal(e.Domain, f.Domain);
            Assert.Equal(e.Start, f.Start);
            Assert.Same(e.Minima, f.Minima);
            Assert.Same(e.ContourLevels, f.ContourLevels);
            Assert.Equal(e.GridStep, f.GridStep);
            Assert.False(string.IsNullOrWhiteSpace(e.Description));
            Assert.Same(f, e.Objective);
        }
    }

    [Fact]
    public void Classics_UseAutomaticContourLevels() =>
        Assert.All(FunctionCatalog.All.Where(e => e.Kind == FunctionKind.Classic), e =>
        {
            Assert.Null(e.ContourLevels);
            Assert.Null(e.GridStep);
        });

    public static TheoryData<string, double, double, double> ClassicValues => new()
    {
        // Values worked by hand from the textbook definitions.
        { "rosenbrock", -1.2, 1, 24.2 },                   // (2.2)² + 100·(1 − 1.44)² = 4.84 + 19.36
        { "beale", 1, 1, 14.203125 },                       // 1.5² + 2.25² + 2.625²
        { "himmelblau", 0, 0, 170 },                        // 121 + 49
        { "rastrigin", 0.5, 0.5, 40.5 },                    // 20 + 2·(0.25 + 10)
        { "booth", 0, 0, 74 },                              // 49 + 25
        { "saddle", 3, 2, 5 },
        { "monkey-saddle", 2, 1, 2 },                       // 8 − 6
        { "styblinski-tang", 1, 1, -10 },                   // 2 · (1 − 16 + 5)/2
        { "goldstein-price", 0, 0, 600 },                   // (1 + 19)·(30 + 0)
        { "goldstein-price", 1, 1, 1876 },                  // (1 + 9·3)·(30 + 1·37)
        { "quadratic", 1.5, -2, 6.25 },
        { "giant-plateau", 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(ClassicValues))]
    public void BuiltIn_Value_MatchesHandComputation(string name, double x, double y, double expected) =>
        Assert.Equal(expected, FunctionCatalog.Find(name).Objective.Value(x, y), 12);

    [Fact]
    public void Ackley_AtKnownPoints_MatchesDefinition()
    {
        Objective f = FunctionCatalog.Find("ackley").Objective;
        Assert.True(Math.Abs(f.Value(0, 0)) < 1e-15);
        // At (1, 0): −20·e^(−0.2·√0.5) − e^(0.5·(1 + 1)) + e + 20 = 20·(1 − e^(−0.2·√0.5)).
        Assert.Equal(20 * (1 - Math.Exp(-0.2 * Math.Sqrt(0.5))), f.Value(1, 0), 12);
    }
}
