namespace Descent.Cli.Tests;

/// <summary>lookahead and lbfgs through every command: where lbfgs cannot run, one line on stderr naming why, exit 2.</summary>
public sealed class ModernBCommandTests
{
    [Fact]
    public void Response_Lbfgs_RefusedBecauseASignalHasNoLoss()
    {
        var run = DescentProcess.Run("response", "--signal", "spikes", "--optimizer", "lbfgs");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("descent: --optimizer: lbfgs: L-BFGS reads the loss at the points it tries, and a gradient response signal has none (only gradients); race it in descent trajectory or train.",
            run.Err.Trim());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Bench_Lbfgs_DeclinedAsNotElementWise()
    {
        var run = DescentProcess.Run("bench", "--optimizer", "lbfgs", "--params", "1000");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: --optimizer: lbfgs is not element-wise", run.Err.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', run.Err.Trim());
    }

    [Fact]
    public void Trajectory_LbfgsBesideAdam_CsvCountsEachStepsEvaluations()
    {
        var run = DescentProcess.Run("trajectory", "--function", "wobbly", "--optimizer", "lbfgs", "--optimizer", "adam(lr=0.25)", "--steps", "2");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("optimizer,step,x,y,loss,evaluations", lines[0]);
        // torch's LBFGS takes 20 closure calls in its first step on wobbly (shared modern_trajectories.json), Adam one.
        Assert.EndsWith(",20", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",1", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("lbfgs,0,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Trajectory_LookaheadWithAWrapperKey_RefusedNamingTheInnerRule()
    {
        var run = DescentProcess.Run("trajectory", "--function", "wobbly", "--optimizer", "lookahead(adam(lr=0.25), lr=2)");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: --optimizer: lookahead: lr belongs to the rule it wraps", run.Err.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_Optimizers_ShowsLookaheadWithItsInnerRuleAndLbfgs()
    {
        var run = DescentProcess.Run("list", "optimizers");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("lookahead", run.Out);
        Assert.Contains("timm", run.Out);
        Assert.Contains("lbfgs", run.Out);
        Assert.Contains("torch.optim.LBFGS", run.Out);
        Assert.DoesNotContain("=adam(", run.Out);
    }
}
