using Descent.Specs;

namespace Descent.Tests;

/// <summary>lbfgs beside its parity: the spec's keys and limits, the loss oracle it needs, float beside double, its history counter.</summary>
public sealed class LbfgsTests
{
    [Theory]
    [InlineData("lbfgs(weight_decay=0.1)", "unknown key 'weight_decay'")]
    [InlineData("lbfgs(clip_norm=1)", "unknown key 'clip_norm'")]
    [InlineData("lbfgs(history_size=0)", "history_size must be in 1..1000, got 0")]
    [InlineData("lbfgs(max_iter=0)", "max_iter must be in 1..100000, got 0")]
    [InlineData("lbfgs(max_eval=0)", "max_eval must be >= 1, got 0")]
    [InlineData("lbfgs(max_eval=many)", "max_eval=many is not an integer or none")]
    [InlineData("lbfgs(line_search=wolfe)", "line_search=wolfe is not valid; valid: none, strong_wolfe")]
    [InlineData("lbfgs(tolerance_grad=-1)", "tolerance_grad must be >= 0")]
    public void Resolve_BadLbfgs_OneLineNamingTheProblem(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(text, Convention.PyTorch)).Message, StringComparison.Ordinal);

    [Fact]
    public void Describe_Defaults_AreTorchsWithMaxEvalDerived()
    {
        Assert.Equal("lbfgs(lr=1, max_iter=20, max_eval=none, tolerance_grad=1e-07, tolerance_change=1e-09, history_size=100, line_search=none)",
            OptimizerCatalog.Describe(OptimizerCatalog.Resolve("lbfgs", Convention.PyTorch)).ToString());
        Assert.Equal(25, ((Optimizers.LbfgsOptions)OptimizerCatalog.Resolve("lbfgs", Convention.PyTorch)).EffectiveMaxEval);
        Assert.Equal(12, ((Optimizers.LbfgsOptions)OptimizerCatalog.Resolve("lbfgs(max_iter=10)", Convention.PyTorch)).EffectiveMaxEval);
    }

    [Fact]
    public void Step_WithGradientsOnly_RefusedNamingTheLossOracle()
    {
        var optimizer = OptimizerCatalog.Resolve("lbfgs", Convention.PyTorch).Create<double>(2);
        Assert.True(optimizer.NeedsLoss);
        var e = Assert.Throws<InvalidOperationException>(() => optimizer.Step(new double[2], new double[2]));
        Assert.Contains("LossOracle", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// On f = (x² + 4y²)/2 from (1, 1), worked by hand: g = (1, 4), |g|₁ = 5, so t = 1/5 and the first iteration moves to
    /// (0.8, 0.2); max_iter=1 ends the step there, and the history stays empty until the next step keeps its first pair.
    /// </summary>
    [Fact]
    public void Step_FirstIteration_MovesByGradientOverItsL1NormAndCountsHistory()
    {
        var optimizer = OptimizerCatalog.Resolve("lbfgs(max_iter=1)", Convention.PyTorch).Create<double>(2);
        double[] p = [1, 1];
        int calls = 0;
        LossOracle<double> f = (q, g) => { calls++; g[0] = q[0]; g[1] = 4 * q[1]; return (q[0] * q[0] + 4 * q[1] * q[1]) / 2; };
        Assert.Equal(2.5, optimizer.Step(p, f));
        // p + t·d as torch's add_(d, alpha=t): one fused rounding each.
        Assert.Equal([Math.FusedMultiplyAdd(0.2, -1, 1), Math.FusedMultiplyAdd(0.2, -4, 1)], p);
        Assert.Equal(0.8, p[0], 15);
        Assert.Equal(0.2, p[1], 15);
        Assert.Equal(1, calls);
        Assert.Equal(0, optimizer.Counter("history"));
        optimizer.Step(p, f);
        Assert.Equal(1, optimizer.Counter("history"));
        Assert.Equal(["history"], optimizer.CounterNames);
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("lbfgs(line_search=strong_wolfe)")]
    public void FloatAndDouble_Quartic_ReachTheSameMinimum(string spec)
    {
        var options = OptimizerCatalog.Resolve(spec, Convention.PyTorch);
        var d = options.Create<double>(2);
        var f = options.Create<float>(2);
        double[] pd = [1.5, -1.0];
        float[] pf = [1.5f, -1.0f];
        for (int t = 0; t < 10; t++)
        {
            d.Step(pd, (q, g) => { g[0] = q[0] * q[0] * q[0]; g[1] = 4 * q[1]; return q[0] * q[0] * q[0] * q[0] / 4 + 2 * q[1] * q[1]; });
            f.Step(pf, (q, g) => { g[0] = q[0] * q[0] * q[0]; g[1] = 4 * q[1]; return q[0] * q[0] * q[0] * q[0] / 4 + 2 * q[1] * q[1]; });
        }
        Assert.True(Math.Abs(pd[0]) < 0.05 && Math.Abs(pd[1]) < 1e-6, $"double ended at ({pd[0]}, {pd[1]})");
        Assert.True(Math.Abs(pf[0]) < 0.05 && Math.Abs(pf[1]) < 1e-3, $"float ended at ({pf[0]}, {pf[1]})");
    }
}
