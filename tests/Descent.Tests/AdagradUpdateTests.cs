using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>Adagrad in each convention, three steps against the formulas of CONVENTIONS.md and torch.optim.Adagrad.</summary>
public class AdagradUpdateTests
{
    // The lecture's family: G += g² (or |g|) ; p −= lr/(G + eps)^power · g
    private static Func<double, double[], double[]> Lecture(double lr, double eps, double power, bool abs) => (p, gs) =>
    {
        double G = 0;
        return [.. gs.Select(g => { G += abs ? Math.Abs(g) : g * g; return p -= lr / Math.Pow(G + eps, power) * g; })];
    };

    // Lasagne: G += g² ; p −= lr·g/√(G + eps)
    private static Func<double, double[], double[]> Lasagne(double lr, double eps) => (p, gs) =>
    {
        double G = 0;
        return [.. gs.Select(g => { G += g * g; return p -= lr * g / Math.Sqrt(G + eps); })];
    };

    // PyTorch: clr = lr/(1 + (t−1)·lr_decay) ; g += wd·p ; G += g² ; p −= clr·g/(√G + eps), G from initial_accumulator
    private static Func<double, double[], double[]> Torch(double lr, double eps, double lrDecay, double wd, double g0) => (p, gs) =>
    {
        double G = g0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1] + wd * p;
            double clr = lr / (1 + (t - 1) * lrDecay);
            G += g * g;
            r[t - 1] = p -= clr * g / (Math.Sqrt(G) + eps);
        }
        return r;
    };

    [Theory]
    [InlineData("adagrad")]
    [InlineData("adagrad(lr=0.5, eps=0.1)")]
    [InlineData("adagrad(lr=0.5, power=1)")]
    [InlineData("adagrad(lr=0.5, power=0.75)")]
    [InlineData("adagrad(lr=0.5, accumulate=abs)")]
    [InlineData("adagrad(lr=0.5, eps=0.01, power=1, accumulate=abs)")]
    public void Adagrad_Lecture_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (AdagradOptions)Spec(spec, Convention.Lecture);
        AssertFollows(o, Lecture(o.LearningRate, o.Epsilon, o.Power, o.Accumulate == AdagradAccumulate.Abs));
    }

    [Fact]
    public void Adagrad_Lecture_TwoStepsByHand()
    {
        // Defaults lr 2.5, eps 1e-7, coordinate 1 (g = −1.5, 2):
        // t=1: G = 2.25 ; p = −2 + 2.5·1.5/√2.2500001 = −2 + 3.75/1.5000000333 ≈ 0.49999994444
        // t=2: G = 6.25 ; p −= 2.5·2/√6.2500001 = 5/2.50000002 ≈ 1.99999998400 ; p ≈ −1.50000003956
        var rows = Run(Spec("adagrad", Convention.Lecture), P0, Grads[..2]);
        AssertClose(-2 + 2.5 / Math.Sqrt(2.2500001) * 1.5, rows[0][1], "t=1");
        AssertClose(0.49999994444, rows[0][1], "t=1 literal", 1e-10);
        AssertClose(-2 + 2.5 / Math.Sqrt(2.2500001) * 1.5 - 2.5 / Math.Sqrt(6.2500001) * 2, rows[1][1], "t=2");
        AssertClose(-1.50000003956, rows[1][1], "t=2 literal", 1e-10);
    }

    [Fact]
    public void Adagrad_LectureNoRootAbs_TwoStepsByHand()
    {
        // power 1, accumulate=abs, lr 0.5, eps 0.5, coordinate 0 (g = 0.5, −0.25):
        // t=1: G = 0.5 ; p = 1 − 0.5/(0.5 + 0.5)·0.5 = 0.75
        // t=2: G = 0.75 ; p = 0.75 + 0.5/1.25·0.25 = 0.85
        var rows = Run(Spec("adagrad(lr=0.5, eps=0.5, power=1, accumulate=abs)", Convention.Lecture), P0, Grads[..2]);
        AssertClose(0.75, rows[0][0], "t=1");
        AssertClose(0.85, rows[1][0], "t=2");
    }

    [Theory]
    [InlineData("adagrad")]
    [InlineData("adagrad(lr=0.5, eps=0.1)")]
    public void Adagrad_Lasagne_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (AdagradOptions)Spec(spec, Convention.Lasagne);
        AssertFollows(o, Lasagne(o.LearningRate, o.Epsilon));
    }

    [Fact]
    public void Adagrad_Lasagne_FirstStepByHand()
    {
        // lr 1, eps 1e-6: √0.250001 ≈ 0.5·(1 + 2e-6 − 2e-12) ; p0 = 1 − 0.5/√0.250001 ≈ 2e-6 − 6e-12 = 1.999994e-6
        var p = Run(Spec("adagrad", Convention.Lasagne), P0, [Grads[0]])[0];
        AssertClose(1 - 0.5 / Math.Sqrt(0.250001), p[0], "p0");
        AssertClose(1.999994e-6, p[0], "p0 literal", 1e-13);
    }

    [Theory]
    [InlineData("adagrad")]
    [InlineData("adagrad(lr=0.5, eps=0.1)")]
    [InlineData("adagrad(lr=0.5, lr_decay=0.5)")]
    [InlineData("adagrad(lr=0.5, weight_decay=0.2)")]
    [InlineData("adagrad(lr=0.5, initial_accumulator=0.1)")]
    [InlineData("adagrad(lr=0.5, lr_decay=0.25, weight_decay=0.2, initial_accumulator=1, eps=1e-3)")]
    public void Adagrad_PyTorch_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (AdagradOptions)Spec(spec, Convention.PyTorch);
        AssertFollows(o, Torch(o.LearningRate, o.Epsilon, o.LearningRateDecay, o.WeightDecay, o.InitialAccumulator));
    }

    [Fact]
    public void Adagrad_PyTorchLrDecayAndInitialAccumulator_TwoStepsByHand()
    {
        // lr 0.5, lr_decay 1, initial_accumulator 0.75, eps 0 → no rounding beyond the roots; coordinate 0 (g = 0.5, −0.25):
        // t=1: clr = 0.5 ; G = 0.75 + 0.25 = 1 ; p = 1 − 0.5·0.5/1 = 0.75
        // t=2: clr = 0.5/2 = 0.25 ; G = 1.0625 ; p = 0.75 + 0.25·0.25/√1.0625
        var rows = Run(Spec("adagrad(lr=0.5, lr_decay=1, initial_accumulator=0.75, eps=0)", Convention.PyTorch), P0, Grads[..2]);
        AssertClose(0.75, rows[0][0], "t=1");
        AssertClose(0.75 + 0.0625 / Math.Sqrt(1.0625), rows[1][0], "t=2");
        AssertClose(0.81063390625908, rows[1][0], "t=2 literal", 1e-13);
    }

    [Fact]
    public void Adagrad_PyTorch_AccumulatesWithOneRoundingAsTorchsAddcmul()
    {
        // addcmul_(g, g) is a fused multiply-add in PyTorch's CPU kernel: 0.3 + 0.3·0.3 = 0.38999999999999996 (torch 1.13),
        // where rounding 0.3·0.3 first gives 0.39.
        var opt = new Adagrad<double>(1, new AdagradOptions { LearningRate = 1, InitialAccumulator = 0.3 });
        double[] p = [1.0];
        opt.Step(p, [0.3]);
        Assert.Equal(0.38999999999999996, opt.State("sum")[0]);
    }

    [Fact]
    public void Adagrad_InitialAccumulator_FillsTheSumState()
    {
        var opt = new Adagrad<double>(3, new AdagradOptions { InitialAccumulator = 0.5 });
        Assert.Equal([0.5, 0.5, 0.5], opt.State("sum").ToArray());
    }

    [Fact]
    public void Adagrad_PyTorchDefaults_AreTorchs()
    {
        var o = (AdagradOptions)Spec("adagrad", Convention.PyTorch);
        Assert.Equal((1e-2, 1e-10, 0.0, 0.0, 0.0), (o.LearningRate, o.Epsilon, o.LearningRateDecay, o.WeightDecay, o.InitialAccumulator));
        var l = (AdagradOptions)Spec("adagrad", Convention.Lecture);
        Assert.Equal((2.5, 1e-7, 0.5, AdagradAccumulate.Squares), (l.LearningRate, l.Epsilon, l.Power, l.Accumulate));
        var s = (AdagradOptions)Spec("adagrad", Convention.Lasagne);
        Assert.Equal((1.0, 1e-6), (s.LearningRate, s.Epsilon));
    }
}
