using Descent.Specs;

namespace Descent.Tests;

/// <summary>lion, rprop and asgd on a few steps worked by hand from their papers' and torch's formulas.</summary>
public class ModernRuleUpdateTests
{
    [Fact]
    public void Lion_OneStep_DecaysThenMovesEachCoordinateByLrAgainstTheSign()
    {
        // p·(1 − 0.1·0.5) = (0.95, −0.95, 0); c = 0.1·g = (0.05, −0.2, 0), sign (1, −1, 0); p − 0.1·sign; m = 0.01·g
        // (1 − 0.99 is 0.010000000000000009 in double, hence the 1e-16 on m).
        var opt = OptimizerCatalog.Resolve("lion(lr=0.1, weight_decay=0.5)", Convention.PyTorch).Create<double>(3);
        double[] p = [1.0, -1.0, 0.0];
        opt.Step(p, [0.5, -2.0, 0.0]);
        Assert.Equal(0.95 - 0.1, p[0], 1e-15);
        Assert.Equal(-0.95 + 0.1, p[1], 1e-15);
        Assert.Equal(0.0, p[2]);
        Assert.Equal([0.005, -0.02, 0.0], opt.State("exp_avg").ToArray(), (a, b) => Math.Abs(a - b) <= 1e-16);
    }

    [Fact]
    public void Rprop_SignFlip_ShrinksTheStepAndWaitsOneStep()
    {
        // lr 0.1, etas (0.5, 1.2). g = 1: step 0.1 (no previous sign), p 0.9. g = 1 again: step 0.12, p 0.78.
        // g = −1: the sign flipped, step 0.06, this gradient is dropped (p stays, prev = 0). g = −1: step stays 0.06, p 0.84.
        var opt = OptimizerCatalog.Resolve("rprop(lr=0.1)", Convention.PyTorch).Create<double>(1);
        double[] p = [1.0];
        double[] expected = [0.9, 0.78, 0.78, 0.84];
        double[] steps = [0.1, 0.12, 0.06, 0.06];
        double[] g = [1, 1, -1, -1];
        for (int t = 0; t < 4; t++)
        {
            opt.Step(p, [g[t]]);
            Assert.Equal(expected[t], p[0], 1e-15);
            Assert.Equal(steps[t], opt.State("step_size")[0], 1e-15);
            Assert.Equal(t == 2 ? 0.0 : g[t], opt.State("prev")[0]);
        }
    }

    [Fact]
    public void Asgd_AfterT0_AveragesTheIteratesWithWeightOneOverTMinusT0()
    {
        // lr 0.1, λ 0.5, α 1, t0 2, g = 1: η_t = 0.1/(1 + 0.05·(t−1)) and p ← p·(1 − 0.5·η) − η. μ = 1/max(1, t − t0)
        // after step t: 1 through step 4, so ax copies p up to p4; step 5 uses μ = 1/(4 − 2) = 0.5: ax = (p4 + p5)/2.
        var opt = OptimizerCatalog.Resolve("asgd(lr=0.1, lambd=0.5, alpha=1, t0=2)", Convention.PyTorch).Create<double>(1);
        double[] p = [1.0];
        double expected = 1.0, previous = 1.0;
        for (int t = 1; t <= 5; t++)
        {
            double eta = 0.1 / (1 + 0.05 * (t - 1));
            previous = expected;
            expected = expected * (1 - 0.5 * eta) - eta;
            opt.Step(p, [1.0]);
            Assert.Equal(expected, p[0], 1e-14);
            if (t <= 4) Assert.Equal(p[0], opt.State("ax")[0]);
        }
        Assert.Equal((previous + expected) / 2, opt.State("ax")[0], 1e-14);
    }
}
