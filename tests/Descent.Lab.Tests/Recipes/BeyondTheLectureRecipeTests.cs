using Descent.Functions;
using Descent.Lab.Recipes;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Lab.Tests.Recipes;

/// <summary>The "beyond the lecture" recipes: what they run, and the facts their captions state, checked against their own results.</summary>
public sealed class BeyondTheLectureRecipeTests
{
    private static readonly Lazy<Dictionary<string, TrajectoryResult>> Landscapes = new(() =>
        RecipeCatalog.Find<TrajectoryRecipe>(BeyondTheLectureRecipe.Name).Figures.ToDictionary(f => f.Name, f => TrajectoryExperiment.Run(f.Config)));

    private static readonly Lazy<Dictionary<string, TrajectoryResult>> Work = new(() =>
        RecipeCatalog.Find<TrajectoryRecipe>(BeyondTheLectureRecipe.EvaluationsName).Figures.ToDictionary(f => f.Name, f => TrajectoryExperiment.Run(f.Config)));

    [Fact]
    public void BeyondTheLecture_Figures_RunWhatTheirTitlesName()
    {
        var landscapes = RecipeCatalog.Find<TrajectoryRecipe>(BeyondTheLectureRecipe.Name);
        Assert.Equal(["beyond-hills-and-canyon", "beyond-wobbly", "beyond-giant-plateau"], landscapes.Figures.Select(f => f.Name));
        foreach (var figure in landscapes.Figures)
        {
            Assert.Equal(Convention.PyTorch, figure.Config.Convention);
            Assert.Equal(125, figure.Config.Steps);
            var options = figure.Config.Optimizers.Select(s => OptimizerCatalog.Resolve(s, figure.Config.Convention)).ToList();
            Assert.Equal(["adam", "lion", "adabelief", "lamb", "schedule-free-adamw", "muon", "lookahead"], options.Select(o => o.Name));
            // The reference paths' settings: the lecture's Adam rate for the Adam family, Lion at 0.05, Muon at 0.02.
            Assert.Equal([0.25, 0.05, 0.25, 0.25, 0.25, 0.02], options.Take(6).Select(o => o.LearningRate));
            var lookahead = Assert.IsType<LookaheadOptions>(options[6]);
            Assert.Equal(("adam", 0.25, 5, 0.5), (lookahead.Inner.Name, lookahead.Inner.LearningRate, lookahead.K, lookahead.Alpha));
        }

        var work = RecipeCatalog.Find<TrajectoryRecipe>(BeyondTheLectureRecipe.EvaluationsName);
        Assert.Equal([("hills-and-canyon", 125), ("rosenbrock", 1000)], work.Figures.Select(f => (f.Config.Function, f.Config.Steps)));
        Assert.All(work.Figures, f => Assert.Equal(["adam", "rprop", "lbfgs"], f.Config.Optimizers.Select(s => OptimizerCatalog.Resolve(s, f.Config.Convention).Name)));
        // Adam at the lecture's rate on its landscape and at the classic figure's rate on Rosenbrock; L-BFGS at torch's defaults.
        Assert.Equal(["adam(lr=0.25)", "rprop(lr=0.01)", "lbfgs"], work.Figure("beyond-evaluations-hills-and-canyon").Config.Optimizers);
        var classic = ClassicsRecipe.Recipe.Figure("classic-rosenbrock").Config.Optimizers;
        Assert.Equal([classic.Single(s => s.StartsWith("adam(", StringComparison.Ordinal)), classic.Single(s => s.StartsWith("rprop(", StringComparison.Ordinal)), "lbfgs"],
            work.Figure("beyond-evaluations-rosenbrock").Config.Optimizers);

        var race = Assert.Single(RecipeCatalog.Find<TrainingRecipe>(BeyondTheLectureRecipe.MnistName).Figures).Config;
        Assert.Equal(("mnist", "mlp", 64, 4, 128), (race.Dataset, race.Model, Assert.Single(race.Hidden!), race.Epochs, race.BatchSize));
        var rules = race.Optimizers.Select(s => OptimizerCatalog.Resolve(s, race.Convention)).ToList();
        Assert.Equal(["adam", "adamw", "lion", "schedule-free-adamw", "muon"], rules.Select(o => o.Name));
        Assert.Equal([1e-3, 1e-3, 3e-4, 0.0025, 0.02], rules.Select(o => o.LearningRate));
    }

    [Fact]
    public void BeyondHillsAndCanyon_Results_MatchItsCaption()
    {
        var result = Landscapes.Value["beyond-hills-and-canyon"];
        var (adam, lion, adaBelief, lamb, scheduleFree, muon, lookahead) =
            (result.Paths[0], result.Paths[1], result.Paths[2], result.Paths[3], result.Paths[4], result.Paths[5], result.Paths[6]);
        var minima = FunctionCatalog.Resolve("hills-and-canyon").Minima;
        int trap = Trap(minima);

        // Lion's step is exactly lr along each axis, every step.
        for (int k = 1; k < lion.Count; k++)
        {
            Assert.Equal(0.05, Math.Abs(lion.X[k] - lion.X[k - 1]), 1e-12);
            Assert.Equal(0.05, Math.Abs(lion.Y[k] - lion.Y[k - 1]), 1e-12);
        }
        Assert.Equal((-0.05, -0.05), (Math.Round(lion.X[^1], 10), Math.Round(lion.Y[^1], 10)));
        Assert.Equal(0, lion.Summary.NearestMinimum);
        AssertRounded(0.12, Distance(lion), 2);
        foreach (var (path, stated, digits) in new[] { (adam, 0.004, 3), (lookahead, 0.002, 3), (lamb, 0.022, 3) })
        {
            Assert.Equal(0, path.Summary.NearestMinimum);
            AssertRounded(stated, Distance(path), digits);
        }
        Assert.All(new[] { adaBelief, scheduleFree, muon }, p => Assert.Equal(trap, p.Summary.NearestMinimum));

        var z = scheduleFree.StateNamed("z")!;
        int highest = Enumerable.Range(1, z.Y.Count - 1).MaxBy(k => z.Y[k]);
        Assert.Equal(11, highest);
        Assert.Equal((-1.85, -0.28), (Math.Round(z.X[highest], 2), Math.Round(z.Y[highest], 2)));
        // The averaged point hardly follows: it never comes within 0.5 of z's farthest point.
        Assert.All(Enumerable.Range(0, scheduleFree.Count), k => Assert.True(Math.Abs(scheduleFree.Y[k] - z.Y[highest]) > 0.5, $"step {k}"));
        Assert.Equal(4e-6, Math.Round(Distance(scheduleFree), 6));
        Assert.Equal((-2.03, -1.08), (Math.Round(minima[trap].X, 2), Math.Round(minima[trap].Y, 2)));

        Assert.True(MaxStep(muon) <= 0.022, $"{MaxStep(muon)}");
        AssertRounded(0.08, Distance(muon), 2);
    }

    [Fact]
    public void BeyondWobbly_Results_MatchItsCaption()
    {
        var result = Landscapes.Value["beyond-wobbly"];
        var (adam, lion, adaBelief, lamb, scheduleFree, muon, lookahead) =
            (result.Paths[0], result.Paths[1], result.Paths[2], result.Paths[3], result.Paths[4], result.Paths[5], result.Paths[6]);

        Assert.All(result.Paths, p => Assert.Equal(0, p.Summary.NearestMinimum));
        AssertRounded(0.0009, Distance(lookahead), 4);
        AssertRounded(0.005, Distance(adam), 3);
        AssertRounded(0.046, Distance(adaBelief), 3);
        AssertRounded(0.065, Distance(scheduleFree), 3);
        AssertRounded(0.23, Distance(lamb), 2);
        AssertRounded(0.41, Distance(lion), 2);
        Assert.Equal((0.05, -1.25), (Math.Round(lion.X[^1], 10), Math.Round(lion.Y[^1], 10)));

        var z = scheduleFree.StateNamed("z")!;
        int highest = Enumerable.Range(1, z.Y.Count - 1).MaxBy(k => z.Y[k]);
        Assert.Equal(12, highest);
        Assert.Equal((0.36, 1.24), (Math.Round(z.X[highest], 2), Math.Round(z.Y[highest], 2)));
        AssertRounded(0.47, Math.Sqrt(Math.Pow(z.X[^1] - scheduleFree.X[^1], 2) + Math.Pow(z.Y[^1] - scheduleFree.Y[^1], 2)), 2);

        Assert.True(MaxStep(muon) <= 0.022, $"{MaxStep(muon)}");
        AssertRounded(1.25, Distance(muon), 2);
        // Every other rule ends nearer the minimum than Muon's 1.25: within Lion's 0.41.
        Assert.All(result.Paths.Where(p => p != muon), p => Assert.True(Distance(p) < 0.415, p.Summary.ToString()));
    }

    [Fact]
    public void BeyondGiantPlateau_Results_MatchItsCaption()
    {
        var result = Landscapes.Value["beyond-giant-plateau"];
        var (adam, lion, adaBelief, lamb, scheduleFree, muon, lookahead) =
            (result.Paths[0], result.Paths[1], result.Paths[2], result.Paths[3], result.Paths[4], result.Paths[5], result.Paths[6]);

        var z = scheduleFree.StateNamed("z")!;
        // The start is at the lower left: z's farthest point past the minimum is its highest x + y.
        int farthest = Enumerable.Range(1, z.X.Count - 1).MaxBy(k => z.X[k] + z.Y[k]);
        Assert.Equal(10, farthest);
        Assert.Equal((2.24, 2.17), (Math.Round(z.X[farthest], 2), Math.Round(z.Y[farthest], 2)));
        Assert.Equal(6e-7, Math.Round(Distance(scheduleFree), 7));
        Assert.Equal(scheduleFree, result.Paths.MinBy(Distance));
        Assert.Equal(1e-6, Math.Round(Distance(lookahead), 6));
        AssertRounded(0.0018, Distance(adam), 4);
        AssertRounded(0.0002, Distance(lamb), 4);
        AssertRounded(0.014, Distance(adaBelief), 3);
        AssertRounded(0.07, Distance(lion), 2);
        var hops = Enumerable.Range(lion.Count - 5, 5).Select(k => (Math.Round(lion.X[k], 10), Math.Round(lion.Y[k], 10))).Distinct().Order();
        Assert.Equal([(-0.05, -0.05), (0.0, 0.0), (0.05, 0.05)], hops);
        AssertRounded(1.38, Distance(muon), 2);
    }

    [Fact]
    public void BeyondEvaluations_HillsAndCanyon_MatchesItsCaption()
    {
        var result = Work.Value["beyond-evaluations-hills-and-canyon"];
        var (adam, rprop, lbfgs) = (result.Paths[0], result.Paths[1], result.Paths[2]);
        int trap = Trap(FunctionCatalog.Resolve("hills-and-canyon").Minima);

        var evaluations = lbfgs.Evaluations!;
        Assert.Equal(10, evaluations[0]);
        Assert.All(evaluations.Skip(1), e => Assert.Equal(1, e));
        Assert.Equal(134, evaluations.Sum());
        AssertRounded(6.644, lbfgs.Loss[1], 3);
        Assert.Equal(trap, lbfgs.Summary.NearestMinimum);
        Assert.Equal(trap, rprop.Summary.NearestMinimum);
        Assert.Equal(1e-6, Math.Round(Distance(rprop), 6));
        Assert.All(new[] { adam, rprop }, p => Assert.Equal(Enumerable.Repeat(1, 125), p.Evaluations!));
        Assert.Equal(0, adam.Summary.NearestMinimum);
        AssertRounded(0.004, Distance(adam), 3);
    }

    [Fact]
    public void BeyondEvaluations_Rosenbrock_MatchesItsCaption()
    {
        var result = Work.Value["beyond-evaluations-rosenbrock"];
        var (adam, rprop, lbfgs) = (result.Paths[0], result.Paths[1], result.Paths[2]);

        var evaluations = lbfgs.Evaluations!;
        Assert.Equal([20, 20, 20], evaluations.Take(3));
        Assert.Equal(20, OptimizerCatalog.Resolve("lbfgs", Convention.PyTorch) is LbfgsOptions o ? o.MaxIter : -1);
        Assert.Equal(3, FirstBelow(lbfgs, 1e-6));
        Assert.Equal(60, evaluations.Take(3).Sum());
        Assert.Equal(791, FirstBelow(adam, 1e-6));
        Assert.Null(FirstBelow(rprop, 1e-6));
        AssertRounded(0.14, Distance(rprop), 2);
        Assert.Equal(1058, evaluations.Sum());
        Assert.All(evaluations.Skip(4), e => Assert.Equal(1, e));
    }

    [Fact]
    public void BeyondMnist_Results_MatchItsCaption()
    {
        var figure = Assert.Single(RecipeCatalog.Find<TrainingRecipe>(BeyondTheLectureRecipe.MnistName).Figures);

        var result = TrainingExperiment.Run(figure.Config);

        var (adam, adamW, lion, scheduleFree, muon) = (result.Histories[0], result.Histories[1], result.Histories[2], result.Histories[3], result.Histories[4]);
        AssertRounded(0.916, muon.Epochs[1].TestAccuracy, 3);
        AssertRounded(0.950, muon.FinalTestAccuracy, 3);
        AssertRounded(0.938, scheduleFree.FinalTestAccuracy, 3);
        AssertRounded(0.933, adam.FinalTestAccuracy, 3);
        AssertRounded(0.931, adamW.FinalTestAccuracy, 3);
        AssertRounded(0.921, lion.FinalTestAccuracy, 3);
        // Muon leads after every epoch, in accuracy and in loss.
        for (int e = 1; e < muon.Epochs.Count; e++)
            Assert.All(result.Histories.Where(h => h != muon), h => Assert.True(muon.Epochs[e].TestAccuracy > h.Epochs[e].TestAccuracy, $"{h.Optimizer} epoch {e}"));
        Assert.Equal(muon, result.Histories.MinBy(h => h.FinalTestLoss));
        AssertRounded(0.16, muon.FinalTestLoss, 2);
        AssertRounded(0.25, adam.FinalTestLoss, 2);
        Assert.Equal(5, Assert.IsType<MuonOptions>(OptimizerCatalog.Resolve(muon.Optimizer, figure.Config.Convention)).NewtonSchulzSteps);
    }

    // The trap on hills-and-canyon: its local minimum at (-2.03, -1.08).
    private static int Trap(IReadOnlyList<KnownMinimum> minima) =>
        Enumerable.Range(0, minima.Count).Where(i => !minima[i].IsGlobal).MinBy(i => Math.Abs(minima[i].X + 2.03) + Math.Abs(minima[i].Y + 1.08));

    private static int? FirstBelow(TrajectoryPath path, double loss)
    {
        int k = path.Loss.ToList().FindIndex(l => l < loss);
        return k < 0 ? null : k;
    }

    private static double MaxStep(TrajectoryPath path) =>
        Enumerable.Range(1, path.Count - 1).Max(k => Math.Sqrt(Math.Pow(path.X[k] - path.X[k - 1], 2) + Math.Pow(path.Y[k] - path.Y[k - 1], 2)));

    private static double Distance(TrajectoryPath path) => path.Summary.DistanceToMinimum!.Value;

    // The caption's number is the measured one rounded half away from zero to the caption's digits.
    private static void AssertRounded(double stated, double measured, int digits) =>
        Assert.True(Math.Round(measured, digits, MidpointRounding.AwayFromZero) == Math.Round(stated, digits),
            $"the caption states {stated}, the run gives {measured:R}");
}
