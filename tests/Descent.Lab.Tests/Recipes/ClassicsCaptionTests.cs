using Descent.Functions;
using Descent.Lab.Recipes;
using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Tests.Recipes;

/// <summary>The classics figures' captions: each fact they state, checked against the figures' own results with every built-in rule.</summary>
public sealed class ClassicsCaptionTests
{
    // The built-in rules; the test assembly registers a rule of its own (sign-sgd), which the captions do not speak of.
    private static readonly string[] BuiltIn =
        ["sgd", "momentum", "nesterov", "smoothed-nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam",
         "lion", "rprop", "asgd", "adabelief", "lamb", "schedule-free-adamw", "muon", "lookahead", "lbfgs"];

    private static readonly string[] HeavyBall = ["momentum", "nesterov", "smoothed-nesterov"];

    private static readonly Lazy<Dictionary<string, Dictionary<string, TrajectoryPath>>> Results = new(() =>
        ClassicsRecipe.Recipe.Figures.AsParallel().Select(f => (f.Name, Result: TrajectoryExperiment.Run(f.Config))).ToDictionary(
            r => r.Name,
            r => r.Result.Paths.Select(p => (Name: OptimizerSpec.Parse(p.Optimizer).Name, Path: p)).Where(p => BuiltIn.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Path)));

    private static Dictionary<string, TrajectoryPath> Figure(string function) => Results.Value[$"classic-{function}"];

    [Fact]
    public void ClassicRosenbrock_Results_MatchItsCaption()
    {
        var paths = Figure("rosenbrock");
        Assert.Equal(BuiltIn.Order(), paths.Keys.Order());
        string[] arrive = [.. HeavyBall, "adam", "lookahead", "schedule-free-adamw", "lbfgs"];
        Assert.All(arrive, r => Assert.True(Distance(paths[r]) <= 0.02, r));
        Assert.Equal(3, paths["lbfgs"].Loss.ToList().FindIndex(l => l < 1e-6));
        AssertRounded(0.08, Distance(paths["muon"]), 2);
        AssertRounded(0.09, Distance(paths["adamax"]), 2);
        Assert.All(BuiltIn.Except(arrive), r => Assert.True(Distance(paths[r]) > 0.07, r));
        Assert.True(Math.Abs(paths["lamb"].X[^1]) < 1e-3 && Math.Abs(paths["lamb"].Y[^1]) < 1e-3);
        AssertRounded(1, paths["lamb"].Loss[^1], 2);
    }

    [Fact]
    public void ClassicBeale_Results_MatchItsCaption()
    {
        var paths = Figure("beale");
        string[] reach = [.. HeavyBall, "adagrad", "adadelta", "adam", "adamax", "nadam", "rprop", "schedule-free-adamw", "lookahead", "lbfgs"];
        Assert.Equal(12, reach.Length);
        Assert.Equal(reach.Order(), paths.Where(p => Distance(p.Value) < 0.01).Select(p => p.Key).Order());
        Assert.All(new[] { "sgd", "asgd", "lion" }, r => Assert.InRange(Distance(paths[r]), 0.01, 0.03));
        string[] shortOf = ["rmsprop", "muon", "lamb", "adamw", "adabelief", "radam"];
        Assert.All(shortOf, r => Assert.InRange(Math.Round(Distance(paths[r]), 2), 0.04, 0.17));
        AssertRounded(0.04, shortOf.Min(r => Distance(paths[r])), 2);
        AssertRounded(0.17, shortOf.Max(r => Distance(paths[r])), 2);
    }

    [Fact]
    public void ClassicHimmelblau_Results_MatchItsCaption()
    {
        var paths = Figure("himmelblau");
        var minimum = FunctionCatalog.Resolve("himmelblau").Minima[0];
        Assert.Equal((3.0, 2.0), (minimum.X, minimum.Y));
        Assert.All(paths.Values, p => Assert.Equal(0, p.Summary.NearestMinimum));
        Assert.All(paths.Where(p => p.Key is not "lion" and not "lamb"), p => Assert.True(p.Value.X.Max() <= 3.5, p.Key));
        AssertRounded(3.6, paths["lion"].X.Max(), 1);
        AssertRounded(4.1, paths["lamb"].X.Max(), 1);
    }

    [Fact]
    public void ClassicRastrigin_Results_MatchItsCaption()
    {
        var paths = Figure("rastrigin");
        Assert.All(new[] { "momentum", "nesterov", "smoothed-nesterov", "lbfgs" },
            r => Assert.Equal((-3.98, 3.98), (Math.Round(paths[r].X[^1], 2), Math.Round(paths[r].Y[^1], 2))));
        Assert.True(Distance(paths["lamb"]) < 1e-3);
        Assert.All(paths.Where(p => p.Key != "lamb"), p => Assert.True(Distance(p.Value) > 1, p.Key));
    }

    [Fact]
    public void ClassicAckley_Results_MatchItsCaption()
    {
        var paths = Figure("ackley");
        string[] elsewhere = ["momentum", "lbfgs", "adam", "lion"];
        Assert.All(paths.Where(p => !elsewhere.Contains(p.Key)), p => Assert.True(Distance(p.Value) <= 0.45, p.Key));
        Assert.Equal((-4.0, 3.0), (paths["momentum"].X[0], paths["momentum"].Y[0]));
        Assert.Equal((-4.0, 3.0), (Math.Round(paths["momentum"].X[^1]), Math.Round(paths["momentum"].Y[^1])));
        Assert.Equal((6.0, -2.0), (Math.Round(paths["lbfgs"].X[^1]), Math.Round(paths["lbfgs"].Y[^1])));
        Assert.Equal((0.0, -0.95), (Math.Round(paths["adam"].X[^1], 2) + 0.0, Math.Round(paths["adam"].Y[^1], 2)));
        Assert.Equal((0.0, 1.0), (Math.Round(paths["lion"].X[^1], 2) + 0.0, Math.Round(paths["lion"].Y[^1], 2)));
    }

    [Fact]
    public void ClassicBooth_Results_MatchItsCaption()
    {
        var paths = Figure("booth");
        Assert.Equal(15, paths.Count(p => Distance(p.Value) < 0.01));
        Assert.True(paths["lbfgs"].Loss[1] < 1e-9);
        string[] shortOf = ["adamw", "adabelief", "adadelta", "muon"];
        Assert.All(shortOf, r => Assert.InRange(Math.Round(Distance(paths[r]), 2), 0.11, 0.36));
        AssertRounded(20, paths["radam"].Y.Max(), -1);
        AssertRounded(0.95, Distance(paths["radam"]), 2);
        AssertRounded(2.9, Distance(paths["lamb"]), 1);
        Assert.True(Math.Sqrt(Math.Pow(paths["lamb"].X[^1], 2) + Math.Pow(paths["lamb"].Y[^1], 2)) < 0.3);
    }

    [Fact]
    public void ClassicSaddle_Results_MatchItsCaption()
    {
        var paths = Figure("saddle");
        string[] plain = ["sgd", "momentum", "nesterov", "smoothed-nesterov", "asgd"];
        Assert.All(plain, r => Assert.True(MinAbsX(paths[r]) < 0.03, r));
        Assert.True(MinAbsX(paths["rprop"]) < 1e-3);
        Assert.Equal(2282, Math.Round(paths["rprop"].Y[^1]));
        Assert.All(paths.Where(p => !plain.Contains(p.Key) && p.Key is not "rprop" and not "lbfgs"), p => Assert.True(MinAbsX(p.Value) > 0.2, p.Key));
        Assert.True(paths["lbfgs"].X.Min() < 0);
        Assert.Equal((-110.0, 113.0), (Math.Round(paths["lbfgs"].X[^1]), Math.Round(paths["lbfgs"].Y[^1])));
    }

    [Fact]
    public void ClassicMonkeySaddle_Results_MatchItsCaption()
    {
        var paths = Figure("monkey-saddle");
        var muon = paths["muon"];
        Assert.Equal(2, Math.Round(Angle(muon, 0)));
        Assert.Equal(4, Math.Round(Angle(muon, muon.Count - 1)));
        Assert.All(paths.Where(p => p.Key != "muon"), p => Assert.True(Angle(p.Value, p.Value.Count - 1) > 15, p.Key));
    }

    [Fact]
    public void ClassicStyblinskiTang_Results_MatchItsCaption()
    {
        var paths = Figure("styblinski-tang");
        var minima = FunctionCatalog.Resolve("styblinski-tang").Minima;
        int shallowest = Enumerable.Range(0, minima.Count).MaxBy(i => minima[i].Value);
        Assert.Equal(-50.06, Math.Round(minima[shallowest].Value, 2));
        Assert.All(paths.Where(p => p.Key != "muon"), p => Assert.True(p.Value.Summary.NearestMinimum == shallowest && Distance(p.Value) < 0.06, p.Key));
        Assert.Equal((1.89, 1.89), (Math.Round(paths["muon"].X[^1], 2), Math.Round(paths["muon"].Y[^1], 2)));
    }

    [Fact]
    public void ClassicGoldsteinPrice_Results_MatchItsCaption()
    {
        var paths = Figure("goldstein-price");
        var minima = FunctionCatalog.Resolve("goldstein-price").Minima;
        int better = Enumerable.Range(0, minima.Count).Single(i => Math.Round(minima[i].Value) == 84);
        int most = Enumerable.Range(0, minima.Count).Single(i => Math.Round(minima[i].Value) == 840);
        string[] through = [.. HeavyBall, "lion", "muon", "lbfgs"];
        Assert.All(through, r => Assert.Equal(better, paths[r].Summary.NearestMinimum));
        Assert.All(paths.Where(p => !through.Contains(p.Key)), p => Assert.Equal(most, p.Value.Summary.NearestMinimum));
    }

    private static double Angle(TrajectoryPath path, int k) => Math.Atan2(path.Y[k], path.X[k]) * 180 / Math.PI;

    private static double MinAbsX(TrajectoryPath path) => path.X.Take(path.DrawableCount).Min(Math.Abs);

    private static double Distance(TrajectoryPath path) => path.Summary.DistanceToMinimum!.Value;

    private static void AssertRounded(double stated, double measured, int digits) =>
        Assert.True(digits >= 0
                ? Math.Round(measured, digits, MidpointRounding.AwayFromZero) == Math.Round(stated, digits)
                : Math.Round(measured / 10, MidpointRounding.AwayFromZero) * 10 == stated,
            $"the caption states {stated}, the run gives {measured:R}");
}
