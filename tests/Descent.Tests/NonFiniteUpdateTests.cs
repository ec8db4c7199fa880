using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// NaN and infinite gradients propagate into the parameters as in PyTorch (no exception), and stay in their own
/// coordinate: a finite coordinate beside them keeps a finite value.
/// </summary>
public class NonFiniteUpdateTests
{
    /// <summary>Every rule but those that step by the sign of the gradient (see <see cref="SignRules_NaNAndInfiniteGradient_StepAsTorchSignDoes"/>).</summary>
    public static TheoryData<string, Convention> Matrix()
    {
        var data = new TheoryData<string, Convention>();
        foreach (var row in QuadraticConvergenceTests.Matrix())
            if ((string)row[0] is not ("lion" or "rprop")) data.Add((string)row[0], (Convention)row[1]);
        return data;
    }

    /// <summary>
    /// Lion (lion-pytorch) and Rprop (torch.optim) move by the sign of a gradient-made value, and torch 1.13's
    /// sign(NaN) is 0: a NaN gradient leaves its coordinate where it is, an infinite one moves it by one finite step.
    /// Worked by hand from p = 1, g = (NaN, +inf, 0.5): Lion (lr 0.1) steps −0.1 per step on the last two, Rprop
    /// (lr 0.01) −0.01, then −0.012 (g·prev &gt; 0 grows the step by 1.2; NaN·0 and inf·0 count as 0).
    /// </summary>
    [Theory]
    [InlineData("lion(lr=0.1)", new[] { 0.9, 0.8 })]
    [InlineData("rprop(lr=0.01)", new[] { 0.99, 0.978 })]
    public void SignRules_NaNAndInfiniteGradient_StepAsTorchSignDoes(string spec, double[] expected)
    {
        var opt = OptimizerCatalog.Resolve(spec, Convention.PyTorch).Create<double>(3);
        double[] p = [1.0, 1.0, 1.0];
        for (int t = 0; t < 2; t++)
        {
            opt.Step(p, [double.NaN, double.PositiveInfinity, 0.5]);
            Assert.Equal(1.0, p[0]);
            Assert.Equal(expected[t], p[1], 1e-15);
            Assert.Equal(expected[t], p[2], 1e-15);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Optimizer_NaNAndInfiniteGradient_PropagateWithoutThrowing(string name, Convention convention)
    {
        var opt = OptimizerCatalog.Resolve(QuadraticConvergenceTests.Specs[name], convention).Create<double>(3);
        double[] p = [1.0, 1.0, 1.0];
        double[] g = [double.NaN, double.PositiveInfinity, 0.5];
        for (int t = 0; t < 3; t++)
        {
            opt.StepAny(p, (_, grad) => g.CopyTo(grad), _ => 1.0);
            Assert.True(double.IsNaN(p[0]), $"step {t + 1}: NaN gradient gave {p[0]}");
            Assert.False(double.IsFinite(p[1]), $"step {t + 1}: infinite gradient gave {p[1]}");
            Assert.True(double.IsFinite(p[2]), $"step {t + 1}: finite coordinate became {p[2]}");
        }
    }

    [Theory]
    [InlineData("adamax")]
    [InlineData("adam(amsgrad=true)")]
    public void MaxBasedRules_NaNInTheNorm_StaysNaN(string spec)
    {
        // torch.maximum / torch.amax propagate NaN; a max that dropped it would resume finite steps after a NaN gradient.
        var opt = OptimizerCatalog.Resolve(spec, Convention.PyTorch).Create<double>(1);
        double[] p = [1.0];
        opt.Step(p, [double.NaN]);
        opt.Step(p, [1.0]);
        Assert.True(double.IsNaN(p[0]));
        Assert.Contains(opt.StateNames, n => double.IsNaN(opt.State(n)[0]));
    }

    [Fact]
    public void Sgd_InfiniteGradient_GivesInfinityNotNaN()
    {
        // PyTorch: p − lr·∞ = −∞ (the L2 term is skipped at wd = 0, so 0·p never meets ∞).
        var opt = OptimizerCatalog.Resolve("sgd(lr=0.1)", Convention.PyTorch).Create<double>(1);
        double[] p = [1.0];
        opt.Step(p, [double.PositiveInfinity]);
        Assert.Equal(double.NegativeInfinity, p[0]);
    }
}
