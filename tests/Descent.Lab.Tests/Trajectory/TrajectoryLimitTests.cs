using Descent.Lab.Response;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>The work a response or trajectory run may ask for, counted in 64-bit arithmetic and refused before any starts.</summary>
public sealed class TrajectoryLimitTests
{
    private static TrajectoryConfig Quadratic(int steps, params string[] optimizers) =>
        new() { Function = "quadratic", Optimizers = optimizers, Convention = Convention.Lecture, Steps = steps };

    [Fact]
    public void TrajectoryExperiment_StepsTimesOptimizers_RefusedAboveTheRecordedSteps()
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Validate(Quadratic(100_000, [.. Enumerable.Repeat("adam", 21)])));

        Assert.Equal("steps", e.Argument);
        Assert.Equal("100,000 steps × 21 optimizers = 2,100,000 recorded steps, above the limit of 2,000,000; give fewer --steps or optimizers.", e.Message);
    }

    [Fact]
    public void TrajectoryExperiment_LookAheadGradients_RefusedAboveTheLimit()
    {
        // 100,000 × (1,000 + 1,000 + 1) gradients.
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Quadratic(100_000, "smoothed-nesterov(points=1000)", "smoothed-nesterov(points=1000)", "adam")));

        Assert.Equal("100,000 steps × 2,001 gradients per step (all optimizers, look-ahead points included) = 200,100,000 gradient evaluations, above the limit of 100,000,000; give fewer --steps, optimizers or points.", e.Message);
    }

    [Fact]
    public void TrajectoryExperiment_AtTheLimitOfGradients_IsAccepted() =>
        TrajectoryExperiment.Validate(Quadratic(100_000, "smoothed-nesterov(points=1000)"));

    [Fact]
    public void Experiments_MoreOptimizersThanTheLimit_Refused()
    {
        string[] many = [.. Enumerable.Repeat("sgd", 101)];

        var trajectory = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Validate(Quadratic(1, many)));
        var response = Assert.Throws<LabInputException>(() => ResponseExperiment.Validate(new ResponseConfig { Signal = "spikes", Optimizers = many }));

        Assert.Equal("101 optimizers is above the limit 100 per run.", trajectory.Message);
        Assert.Equal(trajectory.Message, response.Message);
        Assert.Equal("optimizer", response.Argument);
    }
}
