using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>RMSProp in each convention, three steps against the formulas of CONVENTIONS.md and torch.optim.RMSprop.</summary>
public class RmsPropUpdateTests
{
    // The lecture: E = γ·E + (1−γ)·g² ; p −= lr/√(E + eps)·g
    private static Func<double, double[], double[]> Lecture(double lr, double gamma, double eps) => (p, gs) =>
    {
        double E = 0;
        return [.. gs.Select(g => { E = gamma * E + (1 - gamma) * g * g; return p -= lr / Math.Sqrt(E + eps) * g; })];
    };

    // Lasagne: r = ρ·r + (1−ρ)·g² ; p −= lr·g/√(r + eps)
    private static Func<double, double[], double[]> Lasagne(double lr, double rho, double eps) => (p, gs) =>
    {
        double r = 0;
        return [.. gs.Select(g => { r = rho * r + (1 - rho) * g * g; return p -= lr * g / Math.Sqrt(r + eps); })];
    };

    // PyTorch: g += wd·p ; v = α·v + (1−α)·g² ; centered: ḡ = α·ḡ + (1−α)·g, d = √(v − ḡ²) + eps, else d = √v + eps ;
    // momentum: b = μ·b + g/d, p −= lr·b ; else p −= lr·g/d
    private static Func<double, double[], double[]> Torch(double lr, double alpha, double eps, double wd, double mu, bool centered) => (p, gs) =>
    {
        double v = 0, gAvg = 0, b = 0;
        var r = new double[gs.Length];
        for (int t = 0; t < gs.Length; t++)
        {
            double g = gs[t] + wd * p;
            v = alpha * v + (1 - alpha) * g * g;
            double d;
            if (centered)
            {
                gAvg = alpha * gAvg + (1 - alpha) * g;
                d = Math.Sqrt(v - gAvg * gAvg) + eps;
            }
            else d = Math.Sqrt(v) + eps;
            if (mu > 0)
            {
                b = mu * b + g / d;
                p -= lr * b;
            }
            else p -= lr * g / d;
            r[t] = p;
        }
        return r;
    };

    [Theory]
    [InlineData("rmsprop")]
    [InlineData("rmsprop(lr=0.1, rho=0.5, eps=0.01)")]
    [InlineData("rmsprop(alpha=0.975)")]
    public void RmsProp_Lecture_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (RmsPropOptions)Spec(spec, Convention.Lecture);
        AssertFollows(o, Lecture(o.LearningRate, o.Rho, o.Epsilon));
    }

    [Fact]
    public void RmsProp_Lecture_TwoStepsByHand()
    {
        // Defaults lr 0.25, γ 0.9, eps 1e-5, coordinate 2 (g = 0, 3):
        // t=1: E = 0 ; p = 0.5 − 0.25/√1e-5·0 = 0.5
        // t=2: E = 0.1·9 = 0.9 ; p = 0.5 − 0.25/√0.90001·3 ≈ 0.5 − 0.790565023 = −0.290565023
        var rows = Run(Spec("rmsprop", Convention.Lecture), P0, Grads[..2]);
        Assert.Equal(0.5, rows[0][2]);
        AssertClose(0.5 - 0.25 / Math.Sqrt(0.90001) * 3, rows[1][2], "t=2");
        AssertClose(-0.290565023, rows[1][2], "t=2 literal", 1e-9);
    }

    [Theory]
    [InlineData("rmsprop")]
    [InlineData("rmsprop(lr=0.1, rho=0.5, eps=0.01)")]
    public void RmsProp_Lasagne_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (RmsPropOptions)Spec(spec, Convention.Lasagne);
        AssertFollows(o, Lasagne(o.LearningRate, o.Rho, o.Epsilon));
    }

    [Fact]
    public void RmsProp_Lasagne_FirstStepByHand()
    {
        // lr 1, ρ 0.9, eps 1e-6: r = 0.1·0.25 = 0.025 ; p0 = 1 − 0.5/√0.025001 ≈ 1 − 3.162214417 = −2.162214417
        var p = Run(Spec("rmsprop", Convention.Lasagne), P0, [Grads[0]])[0];
        AssertClose(1 - 0.5 / Math.Sqrt(0.025001), p[0], "p0");
        AssertClose(-2.162214417, p[0], "p0 literal", 1e-9);
    }

    [Theory]
    [InlineData("rmsprop")]
    [InlineData("rmsprop(lr=0.1, alpha=0.5, eps=0.01)")]
    [InlineData("rmsprop(lr=0.1, weight_decay=0.2)")]
    [InlineData("rmsprop(lr=0.1, momentum=0.9)")]
    [InlineData("rmsprop(lr=0.1, centered=true)")]
    [InlineData("rmsprop(lr=0.1, rho=0.8, momentum=0.5, centered=true)")]
    [InlineData("rmsprop(lr=0.1, rho=0.8, weight_decay=0.3, momentum=0.5, centered=true, eps=1e-3)")]
    public void RmsProp_PyTorch_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (RmsPropOptions)Spec(spec, Convention.PyTorch);
        AssertFollows(o, Torch(o.LearningRate, o.Rho, o.Epsilon, o.WeightDecay, o.Momentum, o.Centered));
    }

    [Fact]
    public void RmsProp_PyTorchCenteredMomentum_TwoStepsByHand()
    {
        // lr 0.1, α 0.5, μ 0.5, centered, eps 0, coordinate 0 (g = 0.5, −0.25):
        // t=1: v = 0.125 ; ḡ = 0.25 ; d = √(0.125 − 0.0625) = 0.25 ; b = 2 ; p = 1 − 0.2 = 0.8
        // t=2: v = 0.0625 + 0.03125 = 0.09375 ; ḡ = 0.125 − 0.125 = 0 ; d = √0.09375 ; b = 1 − 0.25/√0.09375 ; p = 0.8 − 0.1·b
        var rows = Run(Spec("rmsprop(lr=0.1, alpha=0.5, momentum=0.5, centered=true, eps=0)", Convention.PyTorch), P0, Grads[..2]);
        AssertClose(0.8, rows[0][0], "t=1");
        AssertClose(0.8 - 0.1 * (1 - 0.25 / Math.Sqrt(0.09375)), rows[1][0], "t=2");
        AssertClose(0.78164965809277, rows[1][0], "t=2 literal", 1e-13);
    }

    [Fact]
    public void RmsProp_StateBuffers_OnlyWhatTheOptionsUse()
    {
        Assert.Equal(["square_avg"], new RmsProp<double>(2, new RmsPropOptions()).StateNames);
        Assert.Equal(["square_avg", "momentum_buffer", "grad_avg"], new RmsProp<double>(2, new RmsPropOptions { Momentum = 0.9, Centered = true }).StateNames);
    }

    [Fact]
    public void RmsProp_Defaults_PerConvention()
    {
        var t = (RmsPropOptions)Spec("rmsprop", Convention.PyTorch);
        Assert.Equal((1e-2, 0.99, 1e-8), (t.LearningRate, t.Rho, t.Epsilon));
        var l = (RmsPropOptions)Spec("rmsprop", Convention.Lecture);
        Assert.Equal((0.25, 0.9, 1e-5), (l.LearningRate, l.Rho, l.Epsilon));
        var s = (RmsPropOptions)Spec("rmsprop", Convention.Lasagne);
        Assert.Equal((1.0, 0.9, 1e-6), (s.LearningRate, s.Rho, s.Epsilon));
    }
}
