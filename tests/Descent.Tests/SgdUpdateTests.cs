using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>SGD, heavy-ball momentum and Nesterov momentum, three steps against the formulas of CONVENTIONS.md.</summary>
public class SgdUpdateTests
{
    // torch.optim.SGD for one coordinate: g += wd·p ; b = g (t=1) else μ·b + (1−τ)·g ; d = nesterov ? g + μ·b : b ; p −= lr·d
    private static Func<double, double[], double[]> TorchSgd(double lr, double mu = 0, double tau = 0, double wd = 0, bool nesterov = false) => (p, gs) =>
    {
        double b = 0;
        var r = new double[gs.Length];
        for (int t = 0; t < gs.Length; t++)
        {
            double g = gs[t] + wd * p;
            double d = g;
            if (mu != 0)
            {
                b = t == 0 ? g : mu * b + (1 - tau) * g;
                d = nesterov ? g + mu * b : b;
            }
            p -= lr * d;
            r[t] = p;
        }
        return r;
    };

    public static TheoryData<string, Convention> SgdCases => new()
    {
        { "sgd(lr=0.1)", Convention.PyTorch },
        { "sgd(lr=0.1, weight_decay=0.5)", Convention.PyTorch },
        { "sgd(lr=0.1, momentum=0.9)", Convention.PyTorch },
        { "sgd(lr=0.1, momentum=0.9, dampening=0.3)", Convention.PyTorch },
        { "sgd(lr=0.1, momentum=0.9, nesterov=true)", Convention.PyTorch },
        { "sgd(lr=0.1, momentum=0.8, weight_decay=0.5, nesterov=true)", Convention.PyTorch },
        { "sgd(lr=0.1, momentum=0.8, dampening=0.5, weight_decay=0.25)", Convention.PyTorch },
        { "sgd(lr=0.1)", Convention.Lasagne },
        { "sgd(lr=0.1)", Convention.Lecture },
    };

    [Theory]
    [MemberData(nameof(SgdCases))]
    public void Sgd_ThreeSteps_MatchesTorchFormula(string spec, Convention convention)
    {
        var o = (Descent.Optimizers.SgdOptions)Spec(spec, convention);
        AssertFollows(o, TorchSgd(o.LearningRate, o.Momentum, o.Dampening, o.WeightDecay, o.Nesterov));
    }

    [Fact]
    public void Sgd_PyTorchDefaults_FirstStepByHand()
    {
        // lr = 1e-3: p = 1 − 1e-3·0.5 = 0.9995 ; −2 − 1e-3·(−1.5) = −1.9985 ; 0.5 − 0 = 0.5
        var p = Run(Spec("sgd", Convention.PyTorch), P0, [Grads[0]])[0];
        AssertClose(0.9995, p[0], "p0");
        AssertClose(-1.9985, p[1], "p1");
        Assert.Equal(0.5, p[2]);
    }

    [Fact]
    public void Sgd_PyTorch_RoundsTheStepOnceAsTorchsFusedAdd()
    {
        // PyTorch's CPU add_(g, alpha=−lr) is a fused multiply-add: 0.3 − 0.1·0.9 rounds once to 0.21 (torch 1.13 gives
        // 0.21), where rounding 0.1·0.9 first gives 0.20999999999999996; 2 − 0.1·1.3 gives 1.8699999999999999, not 1.87.
        var p = Run(Spec("sgd(lr=0.1)", Convention.PyTorch), [0.3, 2.0], [[0.9, 1.3]])[0];
        Assert.Equal(0.21, p[0]);
        Assert.Equal(1.8699999999999999, p[1]);
    }

    [Fact]
    public void Sgd_MomentumTwoSteps_ByHand()
    {
        // lr 0.1, μ 0.9, coordinate 0 (g = 0.5, −0.25):
        // t=1: b = 0.5 ; p = 1 − 0.05 = 0.95
        // t=2: b = 0.9·0.5 − 0.25 = 0.2 ; p = 0.95 − 0.02 = 0.93
        var rows = Run(Spec("sgd(lr=0.1, momentum=0.9)", Convention.PyTorch), P0, Grads[..2]);
        AssertClose(0.95, rows[0][0], "t=1");
        AssertClose(0.93, rows[1][0], "t=2");
    }

    // The lecture: v = γ·v + lr·g ; p −= v
    private static Func<double, double[], double[]> LectureMomentum(double lr, double gamma) => (p, gs) =>
    {
        double v = 0;
        return [.. gs.Select(g => { v = gamma * v + lr * g; return p -= v; })];
    };

    // Lasagne: v = μ·v − lr·g ; p += v (nesterov: p += μ·v − lr·g with the new v)
    private static Func<double, double[], double[]> LasagneMomentum(double lr, double mu, bool nesterov) => (p, gs) =>
    {
        double v = 0;
        return [.. gs.Select(g => { v = mu * v - lr * g; return p += nesterov ? mu * v - lr * g : v; })];
    };

    [Fact]
    public void Momentum_Lecture_ThreeSteps_MatchesFormula()
    {
        AssertFollows(Spec("momentum(lr=0.25, momentum=0.9)", Convention.Lecture), LectureMomentum(0.25, 0.9));
        // Defaults lr 0.25, γ 0.9; coordinate 0: v1 = 0.125, p1 = 0.875 ; v2 = 0.1125 − 0.0625 = 0.05, p2 = 0.825
        var rows = Run(Spec("momentum", Convention.Lecture), P0, Grads[..2]);
        AssertClose(0.875, rows[0][0], "t=1");
        AssertClose(0.825, rows[1][0], "t=2");
    }

    [Theory]
    [InlineData("momentum(lr=0.1, momentum=0.9)", false)]
    [InlineData("momentum(lr=0.1, momentum=0.5)", false)]
    [InlineData("nesterov(lr=0.1, momentum=0.9)", true)]
    [InlineData("nesterov(lr=0.1, momentum=0.5)", true)]
    public void Momentum_Lasagne_ThreeSteps_MatchesFormula(string spec, bool nesterov)
    {
        var o = (Descent.Optimizers.MomentumOptions)Spec(spec, Convention.Lasagne);
        AssertFollows(o, LasagneMomentum(o.LearningRate, o.Momentum, nesterov));
    }

    [Fact]
    public void Nesterov_Lasagne_TwoSteps_ByHand()
    {
        // lr 0.1, μ 0.9, coordinate 1 (g = −1.5, 2):
        // t=1: v = 0.15 ; p = −2 + 0.9·0.15 + 0.15 = −1.715
        // t=2: v = 0.135 − 0.2 = −0.065 ; p = −1.715 + 0.9·(−0.065) − 0.2 = −1.9735
        var rows = Run(Spec("nesterov(lr=0.1)", Convention.Lasagne), P0, Grads[..2]);
        AssertClose(-1.715, rows[0][1], "t=1");
        AssertClose(-1.9735, rows[1][1], "t=2");
    }

    [Theory]
    [InlineData("momentum(lr=0.1, momentum=0.9)", false)]
    [InlineData("momentum(lr=0.1, momentum=0.9, dampening=0.5)", false)]
    [InlineData("momentum(lr=0.1, momentum=0.7, weight_decay=0.2)", false)]
    [InlineData("nesterov(lr=0.1, momentum=0.9)", true)]
    [InlineData("nesterov(lr=0.1, momentum=0.7, weight_decay=0.2)", true)]
    public void Momentum_PyTorch_ThreeSteps_MatchesTorchSgd(string spec, bool nesterov)
    {
        var o = (Descent.Optimizers.MomentumOptions)Spec(spec, Convention.PyTorch);
        AssertFollows(o, TorchSgd(o.LearningRate, o.Momentum, o.Dampening, o.WeightDecay, nesterov));
    }

    [Fact]
    public void Nesterov_PyTorch_TwoSteps_ByHand()
    {
        // lr 0.1, μ 0.9, coordinate 0 (g = 0.5, −0.25):
        // t=1: b = 0.5 ; d = 0.5 + 0.45 = 0.95 ; p = 1 − 0.095 = 0.905
        // t=2: b = 0.45 − 0.25 = 0.2 ; d = −0.25 + 0.18 = −0.07 ; p = 0.905 + 0.007 = 0.912
        var rows = Run(Spec("nesterov(lr=0.1, momentum=0.9)", Convention.PyTorch), P0, Grads[..2]);
        AssertClose(0.905, rows[0][0], "t=1");
        AssertClose(0.912, rows[1][0], "t=2");
    }
}
