using Descent.Functions;
using Descent.Lab.Recipes;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Tests.Recipes;

/// <summary>The schedules recipes: what they run, and the facts their captions state, checked against their own results.</summary>
public sealed class SchedulesRecipeTests
{
    private static readonly Lazy<Dictionary<string, TrajectoryResult>> Landscapes = new(() =>
        RecipeCatalog.Find<TrajectoryRecipe>(SchedulesRecipe.Name).Figures.ToDictionary(f => f.Name, f => TrajectoryExperiment.Run(f.Config)));

    [Fact]
    public void Schedules_Figures_RunAdamAtOneRateUnderEveryScheduleFamilyBesideAConstantRate()
    {
        var recipe = RecipeCatalog.Find<TrajectoryRecipe>(SchedulesRecipe.Name);
        var families = new List<string>();
        foreach (var figure in recipe.Figures)
        {
            Assert.Equal("hills-and-canyon", figure.Config.Function);
            Assert.Equal(Convention.PyTorch, figure.Config.Convention);
            var options = figure.Config.Optimizers.Select(s => OptimizerCatalog.Resolve(s, figure.Config.Convention)).ToList();
            Assert.All(options, o => Assert.Equal("adam", o.Name));
            Assert.All(options, o => Assert.Equal(0.25, o.LearningRate));
            Assert.Null(options[0].Schedule);
            // Only the rate differs: no schedule cycles beta1.
            Assert.All(options.Skip(1), o => Assert.False(o.Schedule!.CyclesMomentum, o.Schedule.Name));
            families.AddRange(options.Skip(1).Select(o => o.Schedule!.Name));
        }
        Assert.Equal(["cosine", "cosine-restarts", "cyclic", "exponential", "onecycle", "plateau", "sequential", "step"], families.Order());
    }

    [Fact]
    public void SchedulesDecay_Results_MatchItsCaption()
    {
        var result = Landscapes.Value["schedules-decay"];
        var (constant, step, exponential, cosine, plateau) = (result.Paths[0], result.Paths[1], result.Paths[2], result.Paths[3], result.Paths[4]);
        var trap = FunctionCatalog.Resolve("hills-and-canyon").Minima.Where(m => !m.IsGlobal).MinBy(m => Math.Abs(m.X + 2.03) + Math.Abs(m.Y + 1.08))!;

        Assert.Equal((-2.03, -1.08), (Math.Round(trap.X, 2), Math.Round(trap.Y, 2)));
        Assert.All(result.Paths, p => Assert.Equal(0, p.Summary.NearestMinimum));
        AssertRounded(0.004, Distance(constant), 3);
        AssertRounded(0.010, Distance(cosine), 3);
        AssertRounded(0.065, Distance(step), 3);
        AssertRounded(0.0068, step.LearningRates![^1], 4);
        Assert.Equal(4, step.LearningRates.Distinct().Count());
        AssertRounded(0.29, Distance(exponential), 2);
        AssertRounded(0.0057, exponential.LearningRates![^1], 4);
        AssertRounded(0.29, Distance(plateau), 2);
        Assert.Equal([0.25, 0.125, 0.0625, 0.03125, 0.015625], plateau.LearningRates!.Distinct());
    }

    [Fact]
    public void SchedulesWarmUp_Results_MatchItsCaption()
    {
        var result = Landscapes.Value["schedules-warm-up"];
        var (constant, warmUp, oneCycle) = (result.Paths[0], result.Paths[1], result.Paths[2]);

        Assert.Equal(0.025, warmUp.LearningRates![0], 1e-15);
        Assert.True(warmUp.LearningRates[14] < 0.25);
        Assert.Equal(0.25, warmUp.LearningRates[15], 1e-15);
        AssertRounded(0.003, Distance(warmUp), 3);
        AssertRounded(0.004, Distance(oneCycle), 3);
        AssertRounded(0.004, Distance(constant), 3);
        Assert.Equal(0.01, oneCycle.LearningRates![0], 1e-15);
        Assert.Equal(38, oneCycle.LearningRates.ToList().IndexOf(oneCycle.LearningRates.Max()) + 1);
        AssertRounded(0.25, oneCycle.LearningRates.Max(), 3);
        Assert.Equal(1e-6, oneCycle.LearningRates[^1], 1e-12);
        AssertRounded(0.149, warmUp.Loss[60], 3);
        AssertRounded(0.286, oneCycle.Loss[60], 3);
        AssertRounded(0.091, constant.Loss[60], 3);
    }

    [Fact]
    public void SchedulesCycles_Results_MatchItsCaption()
    {
        var result = Landscapes.Value["schedules-cycles"];
        var (constant, restarts, cyclic) = (result.Paths[0], result.Paths[1], result.Paths[2]);

        // Index k is step k + 1: the rate is back at its start exactly at steps 1, 26 and 76.
        var rates = restarts.LearningRates!;
        var restartSteps = rates.Select((lr, k) => (lr, Step: k + 1)).Where(x => x.lr == 0.25).Select(x => x.Step);
        Assert.Equal([1, 26, 76], restartSteps);
        AssertRounded(0.020, Distance(restarts), 3);
        AssertRounded(0.129, rates[^1], 3);
        AssertRounded(0.011, Distance(cyclic), 3);
        var cycled = cyclic.LearningRates!;
        Assert.Equal(0.025, cycled.Min(), 1e-15);
        Assert.Equal(0.25, cycled.Max(), 1e-15);
        Assert.Equal([21, 61, 101], cycled.Select((lr, k) => (lr, Step: k + 1)).Where(x => Math.Abs(x.lr - 0.25) < 1e-15).Select(x => x.Step));
        AssertRounded(0.004, Distance(constant), 3);
    }

    [Fact]
    public void Schedules_EveryPath_LeavesTheTrapForTheCentralBasin()
    {
        foreach (var path in Landscapes.Value.Values.SelectMany(r => r.Paths))
        {
            Assert.Equal(0, path.Summary.NearestMinimum);
            Assert.True(path.Summary.DistanceToMinimum < 0.3, path.Summary.ToString());
        }
    }

    [Fact]
    public void SchedulesMnist_Results_MatchItsCaption()
    {
        var figure = Assert.Single(RecipeCatalog.Find<TrainingRecipe>(SchedulesRecipe.MnistName).Figures);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;

        var result = TrainingExperiment.Run(figure.Config);

        var seconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        var (constant, scheduled) = (result.Histories[0], result.Histories[1]);
        Assert.Null(OptimizerCatalog.Resolve(constant.Optimizer, figure.Config.Convention).Schedule);
        Assert.Equal(0.01, OptimizerCatalog.Resolve(scheduled.Optimizer, figure.Config.Convention).LearningRate);
        AssertRounded(0.934, constant.Epochs[2].TestAccuracy, 3);
        AssertRounded(0.924, constant.Epochs[3].TestAccuracy, 3);
        AssertRounded(0.935, constant.FinalTestAccuracy, 3);
        AssertRounded(0.160, LastEpochLoss(constant), 3);
        Assert.Equal(63, result.Histories[0].Iterations.Count(i => i.Epoch == 1));
        Assert.Equal(0.001, scheduled.LearningRates![0], 1e-15);
        Assert.Equal(0.01, scheduled.LearningRates[63], 1e-15);
        Assert.True(scheduled.LearningRates[^1] < 1e-5);
        AssertRounded(0.952, scheduled.FinalTestAccuracy, 3);
        AssertRounded(0.160, scheduled.FinalTestLoss, 3);
        AssertRounded(0.219, constant.FinalTestLoss, 3);
        AssertRounded(0.079, LastEpochLoss(scheduled), 3);
        Assert.InRange(LastEpochLoss(scheduled) / LastEpochLoss(constant), 0.4, 0.6);
        // The gallery's budget for this section: a few CPU-seconds for the whole run (measured ~1.7 s on 2 shared cores).
        Assert.True(seconds < 10, $"{seconds:F1} CPU-seconds, {clock.Elapsed.TotalSeconds:F1} s wall");
    }

    private static double LastEpochLoss(TrainingHistory h) => h.Iterations.Where(i => i.Epoch == h.Epochs[^1].Epoch).Average(i => i.TrainLoss);

    private static double Distance(TrajectoryPath path) => path.Summary.DistanceToMinimum!.Value;

    // The caption's number is the measured one rounded half away from zero to the caption's digits.
    private static void AssertRounded(double stated, double measured, int digits) =>
        Assert.True(Math.Round(measured, digits, MidpointRounding.AwayFromZero) == Math.Round(stated, digits),
            $"the caption states {stated}, the run gives {measured:R}");
}
