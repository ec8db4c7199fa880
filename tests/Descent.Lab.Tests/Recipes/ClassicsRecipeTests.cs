using Descent.Lab.Recipes;
using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Tests.Recipes;

/// <summary>The classics figures enumerate the optimizer registry: each rule brings its own spec per landscape.</summary>
public sealed class ClassicsRecipeTests
{
    private static readonly string[] BuiltIn =
        ["sgd", "momentum", "nesterov", "smoothed-nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam", "lion", "rprop", "asgd", "adabelief", "lamb", "schedule-free-adamw", "muon"];

    /// <summary>The figures as they were tuned before the registry existed: function, steps and one learning rate per built-in rule.</summary>
    public static TheoryData<string, int, double[]> Tuned() => new()
    {
        { "rosenbrock", 1000, [0.002, 0.001, 0.001, 0.001, 1, 0.01, 1, 0.2, 0.1, 1, 0.05, 0.005, 0.01, 0.01, 0.002, 0.005, 0.01, 0.05, 0.01] },
        { "beale", 500, [0.02, 0.005, 0.005, 0.005, 0.5, 0.01, 1, 0.1, 0.2, 0.5, 0.05, 0.05, 0.02, 0.01, 0.02, 0.02, 0.005, 0.2, 0.02] },
        { "himmelblau", 200, [0.005, 0.001, 0.001, 0.001, 1, 0.1, 50, 0.5, 0.5, 0.5, 0.1, 0.05, 0.1, 0.01, 0.005, 0.05, 0.05, 1, 0.1] },
        { "rastrigin", 200, [0.01, 0.002, 0.002, 0.002, 5, 0.5, 500, 2, 2, 2, 1, 0.2, 0.5, 1, 0.05, 0.5, 1, 2, 0.5] },
        { "ackley", 300, [0.1, 0.05, 0.05, 0.1, 1, 0.1, 100, 0.5, 0.5, 0.5, 0.5, 2, 1, 5, 0.1, 2, 0.2, 1, 1] },
        { "booth", 200, [0.05, 0.01, 0.01, 0.01, 10, 0.5, 50, 1, 1, 2, 1, 0.2, 0.5, 0.01, 0.05, 0.1, 0.05, 2, 0.5] },
        { "saddle", 100, [0.02, 0.002, 0.002, 0.002, 0.05, 0.005, 1, 0.01, 0.01, 0.02, 0.01, 0.05, 0.01, 0.001, 0.02, 0.01, 0.01, 0.01, 0.01] },
        { "monkey-saddle", 100, [0.005, 0.0005, 0.0005, 0.0005, 0.05, 0.005, 0.5, 0.005, 0.005, 0.01, 0.005, 0.02, 0.005, 1e-4, 0.005, 0.005, 0.005, 0.005, 0.005] },
        { "styblinski-tang", 200, [0.01, 0.002, 0.002, 0.002, 1, 0.05, 10, 0.5, 0.5, 0.5, 0.05, 0.1, 0.02, 0.01, 0.01, 0.05, 0.01, 0.5, 0.02] },
        { "goldstein-price", 300, [2e-5, 1e-5, 1e-5, 1e-5, 0.1, 0.01, 5, 0.05, 0.05, 0.1, 0.05, 1e-5, 0.02, 0.01, 2e-5, 1e-5, 0.005, 0.05, 0.02] },
    };

    [Theory]
    [MemberData(nameof(Tuned))]
    public void Classics_BuiltInRules_KeepTheirTunedLearningRates(string function, int steps, double[] learningRates)
    {
        var figure = ClassicsRecipe.Recipe.Figure($"classic-{function}");

        Assert.Equal(function, figure.Config.Function);
        Assert.Equal(steps, figure.Config.Steps);
        Assert.EndsWith($"every optimizer, {steps} steps", figure.Title);
        // The built-in rules come first, in registration order, each with exactly its tuned learning rate and no other key.
        for (int i = 0; i < learningRates.Length; i++)
        {
            var spec = OptimizerSpec.Parse(figure.Config.Optimizers[i]);
            Assert.Equal(BuiltIn[i], spec.Name);
            Assert.Equal(["lr"], spec.Values.Select(v => v.Key));
            Assert.Equal(learningRates[i], double.Parse(spec["lr"]!, System.Globalization.CultureInfo.InvariantCulture));
        }
        // The later rules: lookahead around Adam at Adam's rate, lbfgs at torch's lr 1 except on the saddles.
        Assert.Equal($"lookahead(adam(lr={learningRates[7].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}))", figure.Config.Optimizers[15]);
        Assert.Equal(function.EndsWith("saddle", StringComparison.Ordinal) ? "lbfgs(lr=0.0001)" : "lbfgs(lr=1)", figure.Config.Optimizers[16]);
    }

    [Fact]
    public void Classics_RuleRegisteredByATestAssembly_JoinsEveryFigureWithItsOwnSpec()
    {
        var figures = ClassicsRecipe.Recipe.Figures;

        Assert.Equal(10, figures.Count);
        Assert.All(figures, f => Assert.Equal(OptimizerCatalog.Names.Count(), f.Config.Optimizers.Count));
        // Registry/UserRuleRegistration gives sign-sgd a learning rate on Rosenbrock only; elsewhere it runs at its defaults.
        Assert.Equal("sign-sgd(lr=0.005)", ClassicsRecipe.Recipe.Figure("classic-rosenbrock").Config.Optimizers[^1]);
        Assert.All(figures.Where(f => f.Name != "classic-rosenbrock"), f => Assert.Equal("sign-sgd", f.Config.Optimizers[^1]));
        Assert.Contains("sign-sgd", ClassicsRecipe.Rules);
    }

    [Fact]
    public void Classics_UserRuleOnRosenbrock_RunsItsShowcaseSteps()
    {
        // signSGD moves each coordinate by exactly lr per step. At Rosenbrock's start (-1.2, 1) the gradient is
        // (-400x(y - x²) - 2(1 - x), 200(y - x²)) = (-215.6, -88), both negative: the first step is (+0.005, +0.005).
        var config = RecipeCatalog.Find<TrajectoryRecipe>("classics").Figure("classic-rosenbrock").Config;
        var path = TrajectoryExperiment.Run(config).Paths[^1];

        Assert.Equal("sign-sgd(lr=0.005)", path.Optimizer);
        Assert.Equal([-1.2, -1.2 + 0.005], path.X.Take(2));
        Assert.Equal([1.0, 1.0 + 0.005], path.Y.Take(2));
    }
}
