using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>RAdam (PyTorch 1.13's formula in every convention) against the formula worked by hand, before and after rectification starts.</summary>
public class RAdamUpdateTests
{
    // torch.optim.RAdam 1.13, one coordinate:
    // g += wd·p ; m, v as Adam ; ρ∞ = 2/(1−β2) − 1 ; ρ_t = ρ∞ − 2t·β2^t/(1−β2^t)
    // ρ_t > 5: r = √((ρ_t−4)(ρ_t−2)ρ∞/((ρ∞−4)(ρ∞−2)ρ_t)) ; p −= m/(1−β1^t)·lr·√(1−β2^t)/(√v + eps)·r ; else p −= m/(1−β1^t)·lr
    private static Func<double, double[], double[]> Torch(double lr, double b1, double b2, double eps, double wd) => (p, gs) =>
    {
        double m = 0, v = 0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1] + wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double bc1 = 1 - Math.Pow(b1, t), bc2 = 1 - Math.Pow(b2, t);
            double rhoInf = 2 / (1 - b2) - 1, rhoT = rhoInf - 2 * t * Math.Pow(b2, t) / bc2;
            if (rhoT > 5)
            {
                double rect = Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                p -= m / bc1 * lr * Math.Sqrt(bc2) / (Math.Sqrt(v) + eps) * rect;
            }
            else p -= m / bc1 * lr;
            r[t - 1] = p;
        }
        return r;
    };

    // Eight steps, so that rectification starts (ρ_t > 5 from t = 6 or 7 whatever β2, since ρ_1 = 1).
    private static readonly double[][] Long =
    [
        .. Grads,
        [0.75, -1.0, 2.0],
        [0.5, 0.25, -1.0],
        [-1.0, 1.0, 1.0],
        [2.0, -0.5, 0.5],
        [0.25, 0.75, -0.25],
    ];

    [Theory]
    [InlineData("radam", Convention.PyTorch)]
    [InlineData("radam(lr=0.1, beta2=0.8, weight_decay=0.2)", Convention.PyTorch)]
    [InlineData("radam(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01)", Convention.PyTorch)]
    [InlineData("radam(lr=0.1, beta2=0.8)", Convention.Lasagne)]
    [InlineData("radam(lr=0.1, beta2=0.8)", Convention.Lecture)]
    public void RAdam_EightSteps_MatchesTorchFormula(string spec, Convention convention)
    {
        var o = (RAdamOptions)Spec(spec, convention);
        AssertFollows(o, Torch(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay), grads: Long);
    }

    [Fact]
    public void RAdam_FirstSteps_AreBiasCorrectedMomentumByHand()
    {
        // ρ_1 = 1 and ρ_2 ≈ 2: no rectification. lr 1e-3, coordinate 0 (g = 0.5, −0.25):
        // t=1: m = 0.05 ; m̂ = 0.5 ; p = 1 − 0.0005 = 0.9995
        // t=2: m = 0.045 − 0.025 = 0.02 ; m̂ = 0.02/0.19 ; p = 0.9995 − 1e-3·0.02/0.19 ≈ 0.99939474
        var rows = Run(Spec("radam", Convention.PyTorch), P0, Grads[..2]);
        AssertClose(0.9995, rows[0][0], "t=1");
        AssertClose(0.9995 - 1e-3 * 0.02 / 0.19, rows[1][0], "t=2");
        AssertClose(0.99939474, rows[1][0], "t=2 literal", 1e-8);
    }

    [Fact]
    public void RAdam_RhoT_CrossesFiveAtTheHandWorkedStep()
    {
        // β2 = 0.8: ρ∞ = 9 ; ρ_6 = 9 − 12·0.8^6/(1 − 0.8^6) = 9 − 3.1457/0.7379 ≈ 4.737 ; ρ_7 = 9 − 14·0.2097/0.7903 ≈ 5.285.
        // With a constant gradient 1 and lr 1: steps 1..6 move by m̂ = 1 exactly ; step 7 by
        // r_7·√(1−0.8^7)/√v_7 with v_7 = 1 − 0.8^7 (so the adaptive factor is 1) = r_7 = √(1.285·3.285·9/(35·5.285)) ≈ 0.4531670.
        double[][] ones = [.. Enumerable.Repeat(new[] { 1.0 }, 7)];
        var rows = Run(Spec("radam(lr=1, beta2=0.8, eps=0)", Convention.PyTorch), [0.0], ones);
        AssertClose(-6.0, rows[5][0], "t=6");
        double rho7 = 9 - 14 * Math.Pow(0.8, 7) / (1 - Math.Pow(0.8, 7));
        double r7 = Math.Sqrt((rho7 - 4) * (rho7 - 2) * 9 / (5 * 7 * rho7));
        AssertClose(-6.0 - r7, rows[6][0], "t=7");
        AssertClose(-6.4531670, rows[6][0], "t=7 literal", 1e-7);
    }
}
