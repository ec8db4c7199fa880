using Descent.Lab.IO;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>
/// Gradient evaluations per step are recorded when some rule can take other than one (lbfgs, smoothed-nesterov), for
/// every path of the run, in the JSON and as a last CSV column; L-BFGS's history length is a counter along its path.
/// </summary>
public sealed class TrajectoryEvaluationsTests
{
    private static TrajectoryResult Run(Convention convention, int steps, params string[] optimizers) =>
        TrajectoryExperiment.Run(new TrajectoryConfig { Function = "wobbly", Optimizers = optimizers, Convention = convention, Steps = steps });

    [Fact]
    public void Run_OneGradientPerStepRules_RecordsNoEvaluations()
    {
        var result = Run(Convention.PyTorch, 3, "adam(lr=0.25)", "lookahead(sgd(lr=0.1))");

        Assert.All(result.Paths, p => Assert.Null(p.Evaluations));
        Assert.Equal("optimizer,step,x,y,loss", TrajectoryCsv.ToText(result).Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain("\"evaluations\"", LabJson.Serialize(result));
    }

    [Fact]
    public void Run_SmoothedNesterovBesideAdam_CountsItsPointsAndAdamsOne()
    {
        var result = Run(Convention.Lecture, 4, "smoothed-nesterov(lr=0.01, points=3)", "adam");

        Assert.Equal([3, 3, 3, 3], result.Paths[0].Evaluations);
        Assert.Equal([1, 1, 1, 1], result.Paths[1].Evaluations);
        var lines = TrajectoryCsv.ToText(result).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("optimizer,step,x,y,loss,evaluations", lines[0].TrimEnd('\r'));
        Assert.EndsWith(",", lines[1].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.EndsWith(",3", lines[2].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Lbfgs_RecordsItsClosureCallsAndHistoryLength()
    {
        var result = Run(Convention.PyTorch, 5, "lbfgs(max_iter=4, history_size=2)");
        var path = Assert.Single(result.Paths);

        // Four iterations without a line search: the start and three more evaluations (torch skips the last).
        Assert.Equal(4, path.Evaluations![0]);
        var history = Assert.Single(path.Counters!);
        Assert.Equal("history", history.Name);
        Assert.Equal(path.Count, history.Values.Count);
        Assert.Equal(0, history.Values[0]);
        // Three pairs were offered in the first step's four iterations; two are kept.
        Assert.Equal(2, history.Values[1]);
        Assert.All(history.Values, v => Assert.InRange(v, 0, 2));
        Assert.Equal(["d", "prev_flat_grad"], path.State.Select(s => s.Name));
        Assert.Contains("\"counters\"", LabJson.Serialize(result));
    }

    [Fact]
    public void Validate_LbfgsOnAResponse_RefusedNamingTheMissingLoss()
    {
        var e = Assert.Throws<LabInputException>(() => Descent.Lab.Response.ResponseExperiment.Run(
            new Descent.Lab.Response.ResponseConfig { Signal = "spikes", Optimizers = ["lookahead(lbfgs)"] }));
        Assert.Equal("optimizer", e.Argument);
        Assert.Contains("a gradient response signal has none", e.Message, StringComparison.Ordinal);
    }
}
