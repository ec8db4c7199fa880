using System.Text.RegularExpressions;
using Descent.Functions;
using Descent.Lab.Recipes;
using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Tests.Trajectory;

public class TrajectoryRecipeTests
{
    private static readonly string[] Landscapes =
        ["quadratic", "wobbly", "basins-and-walls", "ripple", "giant-plateau", "hills-and-canyon", "two-minimums"];

    private static readonly string[] Classics =
        ["rosenbrock", "beale", "himmelblau", "rastrigin", "ackley", "booth", "saddle", "monkey-saddle", "styblinski-tang", "goldstein-price"];

    public static TheoryData<string, string> Figures()
    {
        var data = new TheoryData<string, string>();
        foreach (var recipe in RecipeCatalog.Entries.OfType<TrajectoryRecipe>())
            foreach (var figure in recipe.Figures) data.Add(recipe.Name, figure.Name);
        return data;
    }

    [Fact]
    public void RecipeCatalog_TrajectoryRecipes_AreRegisteredWithTheirFigures()
    {
        Assert.Equal(["lecture-animations", "lecture-nesterov", "classics", "schedules", "lecture-variants-paths", "beyond-the-lecture", "beyond-the-lecture-evaluations"], RecipeCatalog.Entries.OfType<TrajectoryRecipe>().Select(r => r.Name));
        Assert.Equal(Landscapes, RecipeCatalog.Find<TrajectoryRecipe>("lecture-animations").Figures.Select(f => f.Name));
        Assert.Equal(Landscapes.Select(l => $"nesterov-{l}"), RecipeCatalog.Find<TrajectoryRecipe>("lecture-nesterov").Figures.Select(f => f.Name));
        Assert.Equal(Classics.Select(c => $"classic-{c}"), RecipeCatalog.Find<TrajectoryRecipe>("classics").Figures.Select(f => f.Name));
        Assert.All(RecipeCatalog.Entries.OfType<TrajectoryRecipe>(), r => Assert.Equal("trajectory", r.Experiment));
        Assert.Equal(7, RecipeCatalog.Find("lecture-nesterov").Count);
    }

    [Fact]
    public void TrajectoryRecipes_Figures_HaveFileFriendlyUniqueNamesTitlesAndShortCaptions()
    {
        var names = new HashSet<string>();
        foreach (var figure in RecipeCatalog.Entries.OfType<TrajectoryRecipe>().SelectMany(r => r.Figures))
        {
            Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), figure.Name);
            Assert.True(names.Add(figure.Name), $"figure name {figure.Name} is used twice");
            Assert.False(string.IsNullOrWhiteSpace(figure.Title));
            Assert.EndsWith(".", figure.Caption);
            int sentences = Regex.Matches(figure.Caption, @"[.!?](\s|$)").Count;
            Assert.True(sentences is >= 1 and <= 2, $"{figure.Name}: {sentences} sentences in its caption");
            TrajectoryExperiment.Validate(figure.Config);
        }
    }

    [Fact]
    public void LectureAnimations_Figures_RunTheLecturesSuiteUnderLasagneFromItsStart()
    {
        foreach (var figure in RecipeCatalog.Find<TrajectoryRecipe>("lecture-animations").Figures)
        {
            Assert.Equal(["nesterov(lr=0.01,momentum=0.9)", "rmsprop(lr=0.25)", "adadelta(lr=100)", "adagrad(lr=1.0)", "adam(lr=0.25)"], figure.Config.Optimizers);
            Assert.Equal(Convention.Lasagne, figure.Config.Convention);
            Assert.Equal(new Point2(-2.8, -2.5), figure.Config.Start);
            Assert.Equal(125, figure.Config.Steps);
            Assert.Equal(figure.Name, figure.Config.Function);
        }
    }

    [Fact]
    public void LectureNesterov_Figures_RunThreeMomentaAtLr001UnderLasagne()
    {
        foreach (var figure in RecipeCatalog.Find<TrajectoryRecipe>("lecture-nesterov").Figures)
        {
            Assert.Equal(["nesterov(lr=0.01,momentum=0.25)", "nesterov(lr=0.01,momentum=0.9)", "nesterov(lr=0.01,momentum=0.975)"], figure.Config.Optimizers);
            Assert.Equal(Convention.Lasagne, figure.Config.Convention);
            Assert.Equal(new Point2(-2.8, -2.5), figure.Config.Start);
            Assert.Equal(125, figure.Config.Steps);
        }
    }

    [Fact]
    public void Classics_Figures_RunEveryOptimizerUnderPyTorchFromTheFunctionsOwnStart()
    {
        foreach (var figure in RecipeCatalog.Find<TrajectoryRecipe>("classics").Figures)
        {
            // Every registered rule, sign-sgd (this test assembly's own, Registry/UserRuleRegistration) included.
            Assert.Equal(OptimizerCatalog.Names, figure.Config.Optimizers.Select(s => OptimizerSpec.Parse(s).Name));
            Assert.Equal(Convention.PyTorch, figure.Config.Convention);
            Assert.Null(figure.Config.Start);
            Assert.InRange(figure.Config.Steps!.Value, 50, 5000);
            Assert.Equal(FunctionKind.Classic, FunctionCatalog.Find(figure.Config.Function).Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void TrajectoryRecipes_EveryFigure_RunsToFiniteOutputWithoutDiverging(string recipe, string name)
    {
        var figure = RecipeCatalog.Find<TrajectoryRecipe>(recipe).Figure(name);

        var result = TrajectoryExperiment.Run(figure.Config);

        Assert.Equal(figure.Config.Optimizers.Count, result.Paths.Count);
        foreach (var path in result.Paths)
        {
            Assert.Null(path.DivergedAtStep);
            Assert.Equal(figure.Config.Steps + 1, path.Count);
            Assert.All(path.X.Concat(path.Y).Concat(path.Loss).Concat(path.GradientX).Concat(path.GradientY), v => Assert.True(double.IsFinite(v)));
            Assert.All(path.State, s => Assert.All(s.X.Concat(s.Y), v => Assert.True(double.IsFinite(v), $"{path.Optimizer} {s.Name}")));
        }
    }

    [Fact]
    public void LectureAnimations_HillsAndCanyon_OnlyAdamLeavesTheTrap()
    {
        // The issue's "done when": Adam reaches the centre basin; the others stay trapped near (−2, −1).
        var objective = FunctionCatalog.Resolve("hills-and-canyon");
        var centre = objective.Minima.Single(m => m.IsGlobal);
        var trap = objective.Minima.Where(m => !m.IsGlobal).MinBy(m => Distance(m, -2, -1));

        var result = TrajectoryExperiment.Run(RecipeCatalog.Find<TrajectoryRecipe>("lecture-animations").Figure("hills-and-canyon").Config);

        foreach (var path in result.Paths)
        {
            double x = path.X[^1], y = path.Y[^1];
            if (path.Optimizer.StartsWith("adam", StringComparison.Ordinal)) Assert.True(Distance(centre, x, y) < 0.1, $"{path.Optimizer} ends at ({x}, {y})");
            else Assert.True(Distance(trap, x, y) < 0.3, $"{path.Optimizer} ends at ({x}, {y}), not in the trap at {trap}");
        }
    }

    [Fact]
    public void LectureAnimations_TwoMinimums_EveryMethodStaysInTheShallowWell()
    {
        var shallow = FunctionCatalog.Resolve("two-minimums").Minima.Single(m => !m.IsGlobal);

        var result = TrajectoryExperiment.Run(RecipeCatalog.Find<TrajectoryRecipe>("lecture-animations").Figure("two-minimums").Config);

        Assert.All(result.Paths, p => Assert.True(Distance(shallow, p.X[^1], p.Y[^1]) < 0.5, p.Optimizer));
    }

    [Fact]
    public void LectureNesterov_GiantPlateau_NoMomentumLeavesTheStart()
    {
        var result = TrajectoryExperiment.Run(RecipeCatalog.Find<TrajectoryRecipe>("lecture-nesterov").Figure("nesterov-giant-plateau").Config);

        Assert.All(result.Paths, p => Assert.True(Math.Abs(p.X[^1] + 2.8) + Math.Abs(p.Y[^1] + 2.5) < 0.01, p.Optimizer));
    }

    [Fact]
    public void RecipeCatalog_ResponseRecipeAsTrajectory_SaysWhatKindItIs()
    {
        var e = Assert.Throws<LabInputException>(() => RecipeCatalog.Find<TrajectoryRecipe>("lecture"));

        Assert.Equal("recipe", e.Argument);
        Assert.Contains("response recipe", e.Message);
        Assert.Contains("lecture-animations", e.Message);
    }

    [Fact]
    public void TrajectoryRecipe_UnknownFigure_ListsTheValidNames()
    {
        var e = Assert.Throws<LabInputException>(() => RecipeCatalog.Find<TrajectoryRecipe>("classics").Figure("classic-rosenbrok"));

        Assert.Equal("figure", e.Argument);
        Assert.Contains("classic-rosenbrock", e.Message);
    }

    private static double Distance(KnownMinimum m, double x, double y) => Math.Sqrt((m.X - x) * (m.X - x) + (m.Y - y) * (m.Y - y));
}
