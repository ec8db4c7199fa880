using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>NAdam (PyTorch 1.13's formula in every convention), three steps against the formula worked by hand.</summary>
public class NAdamUpdateTests
{
    // torch.optim.NAdam 1.13, one coordinate:
    // g += wd·p ; μ_t = β1·(1 − 0.5·0.96^(t·ψ)) ; μ_{t+1} likewise ; Π ← Π·μ_t ; Π' = Π·μ_t·μ_{t+1} (1.13 multiplies μ_t twice)
    // m = β1·m + (1−β1)·g ; v = β2·v + (1−β2)·g² ; d = √(v/(1−β2^t)) + eps
    // p −= lr·(1−μ_t)/(1−Π)·g/d ; p −= lr·μ_{t+1}/(1−Π')·m/d
    private static Func<double, double[], double[]> Torch(double lr, double b1, double b2, double eps, double wd, double psi) => (p, gs) =>
    {
        double m = 0, v = 0, prod = 1;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1] + wd * p;
            double mu = b1 * (1 - 0.5 * Math.Pow(0.96, t * psi)), muNext = b1 * (1 - 0.5 * Math.Pow(0.96, (t + 1) * psi));
            prod *= mu;
            double prodNext = prod * mu * muNext;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double d = Math.Sqrt(v / (1 - Math.Pow(b2, t))) + eps;
            p -= lr * (1 - mu) / (1 - prod) * g / d;
            r[t - 1] = p -= lr * muNext / (1 - prodNext) * m / d;
        }
        return r;
    };

    [Theory]
    [InlineData("nadam", Convention.PyTorch)]
    [InlineData("nadam(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01)", Convention.PyTorch)]
    [InlineData("nadam(lr=0.1, weight_decay=0.3, momentum_decay=0.1)", Convention.PyTorch)]
    [InlineData("nadam(lr=0.1, momentum_decay=0)", Convention.PyTorch)]
    [InlineData("nadam", Convention.Lasagne)]
    [InlineData("nadam(lr=0.1, weight_decay=0.3)", Convention.Lecture)]
    public void NAdam_ThreeSteps_MatchesTorchFormula(string spec, Convention convention)
    {
        var o = (NAdamOptions)Spec(spec, convention);
        AssertFollows(o, Torch(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay, o.MomentumDecay));
    }

    [Fact]
    public void NAdam_ZeroMomentumDecay_FirstStepByHand()
    {
        // ψ = 0 fixes μ_t = 0.9·(1 − 0.5) = 0.45. lr 0.1, eps 1e-8, coordinate 0 (g = 0.5):
        // Π = 0.45 ; Π' = 0.45·0.45·0.45 = 0.091125 ; m = 0.05 ; v = 0.00025 ; d = √(0.00025/0.001) + 1e-8 = 0.5 + 1e-8
        // p = 1 − 0.1·0.55/0.55·0.5/d − 0.1·0.45/0.908875·0.05/d ≈ 1 − 0.1 − 0.0049511 = 0.8950489
        var p = Run(Spec("nadam(lr=0.1, momentum_decay=0)", Convention.PyTorch), P0, [Grads[0]])[0];
        double d = 0.5 + 1e-8;
        AssertClose(1 - 0.1 * 0.5 / d - 0.045 / 0.908875 * 0.05 / d, p[0], "p0");
        AssertClose(0.89504882, p[0], "p0 literal", 1e-8);
    }

    [Fact]
    public void NAdam_MuProduct_IsTheRunningProductOfTheSchedule()
    {
        var opt = new NAdam<double>(3, new NAdamOptions());
        Assert.Equal(1.0, opt.MuProduct(0));
        double[] p = [.. P0];
        opt.Step(p, Grads[0]);
        opt.Step(p, Grads[1]);
        // μ_1·μ_2 with μ_t = 0.9·(1 − 0.5·0.96^(0.004·t))
        double expected = 0.9 * (1 - 0.5 * Math.Pow(0.96, 0.004)) * (0.9 * (1 - 0.5 * Math.Pow(0.96, 0.008)));
        AssertClose(expected, opt.MuProduct(0), "Π_2");
    }

    [Fact]
    public void NAdam_SaveAndLoad_ContinuesBitForBit()
    {
        var options = new NAdamOptions { LearningRate = 0.1 };
        var whole = new NAdam<double>(3, options);
        double[] p = [.. P0];
        foreach (var g in Grads) whole.Step(p, g);

        var first = new NAdam<double>(3, options);
        double[] q = [.. P0];
        first.Step(q, Grads[0]);
        using var stream = new MemoryStream();
        first.SaveState(stream);
        stream.Position = 0;
        var resumed = new NAdam<double>(3, options);
        resumed.LoadState(stream);
        resumed.Step(q, Grads[1]);
        resumed.Step(q, Grads[2]);
        Assert.Equal(p, q);
    }

    [Fact]
    public void NAdam_FloatProduct_RoundsToFloatEachStep()
    {
        // PyTorch keeps Π in a tensor of the working dtype, so in float it is rounded after each product.
        var opt = new NAdam<float>(1, new NAdamOptions());
        float[] p = [1f];
        opt.Step(p, [1f]);
        opt.Step(p, [1f]);
        float mu1 = (float)(0.9 * (1 - 0.5 * Math.Pow(0.96, 0.004))), mu2 = (float)(0.9 * (1 - 0.5 * Math.Pow(0.96, 0.008)));
        Assert.Equal((double)(1f * mu1 * mu2), opt.MuProduct(0));
    }
}
