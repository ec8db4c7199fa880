using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// NaN and infinite gradients propagate into the parameters as in PyTorch (no exception), and stay in their own
/// coordinate: a finite coordinate beside them keeps a finite value.
/// </summary>
public class NonFiniteUpdateTests
{
    public static TheoryData<string, Convention> Matrix() => QuadraticConvergenceTests.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Optimizer_NaNAndInfiniteGradient_PropagateWithoutThrowing(string name, Convention convention)
    {
        var opt = OptimizerCatalog.Resolve(QuadraticConvergenceTests.Specs[name], convention).Create<double>(3);
        double[] p = [1.0, 1.0, 1.0];
        double[] g = [double.NaN, double.PositiveInfinity, 0.5];
        for (int t = 0; t < 3; t++)
        {
            opt.Step(p, (_, grad) => g.CopyTo(grad));
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
