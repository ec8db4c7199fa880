using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// NaN and infinite gradients propagate into the parameters as in PyTorch (no exception), and stay in their own
/// coordinate: a finite coordinate beside them keeps a finite value.
/// </summary>
public class NonFiniteUpdateTests
{
    /// <summary>
    /// Every rule but those that step by the sign of the gradient (see <see cref="SignRules_NaNAndInfiniteGradient_StepAsTorchSignDoes"/>)
    /// and LAMB, whose norms mix every coordinate (see <see cref="Lamb_NaNGradient_ReachesEveryCoordinateThroughTheNorms"/>).
    /// </summary>
    public static TheoryData<string, Convention> Matrix()
    {
        var data = new TheoryData<string, Convention>();
        foreach (var row in QuadraticConvergenceTests.Matrix())
            if ((string)row[0] is not ("lion" or "rprop" or "lamb" or "muon")) data.Add((string)row[0], (Convention)row[1]);
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

    /// <summary>
    /// timm's LAMB divides the gradient by its global norm and scales the update by ‖p‖/‖u‖: a NaN in one coordinate
    /// makes both NaN, and every coordinate follows, as in timm. Without the pre-scaling and the ratio
    /// (max_grad_norm=0, weight_decay=0) it is elementwise again, and a finite coordinate stays finite.
    /// </summary>
    [Fact]
    public void Lamb_NaNGradient_ReachesEveryCoordinateThroughTheNorms()
    {
        var opt = OptimizerCatalog.Resolve("lamb(lr=0.1)", Convention.PyTorch).Create<double>(3);
        double[] p = [1.0, 1.0, 1.0];
        opt.Step(p, [double.NaN, 0.5, 0.5]);
        Assert.All(p, x => Assert.True(double.IsNaN(x)));

        var elementwise = OptimizerCatalog.Resolve("lamb(lr=0.1, max_grad_norm=0, weight_decay=0)", Convention.PyTorch).Create<double>(3);
        p = [1.0, 1.0, 1.0];
        elementwise.Step(p, [double.NaN, double.PositiveInfinity, 0.5]);
        Assert.True(double.IsNaN(p[0]));
        // u = (m/bc1)/(√v/√bc2 + eps) = 0.05/0.1/(0.5·√0.001/√0.001 + 1e-6) = 1/(1 + 2e-6): p = 1 − 0.1·u.
        Assert.Equal(1 - 0.1 / (1 + 2e-6), p[2], 1e-15);
    }

    /// <summary>
    /// Muon orthogonalizes the whole matrix: one NaN gradient makes the norm NaN, one infinite gradient makes it
    /// infinite (∞/∞ is NaN), and the Gram matrix spreads the NaN to every element, so every parameter becomes NaN
    /// (as upstream's torch ops do); the step does not throw.
    /// </summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Muon_OneNonFiniteGradient_EveryParameterOfTheMatrixBecomesNaN(double bad)
    {
        var opt = OptimizerCatalog.Resolve("muon(lr=0.1)", Convention.PyTorch).Create<double>(3);
        double[] p = [1.0, 1.0, 1.0];
        opt.Step(p, [0.5, bad, 0.25]);
        Assert.All(p, v => Assert.True(double.IsNaN(v), $"got {v}"));
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
