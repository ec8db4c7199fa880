using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>Adadelta in each convention, three steps against the formulas of CONVENTIONS.md, the lecture and torch.optim.Adadelta.</summary>
public class AdadeltaUpdateTests
{
    // g += wd·p ; E = ρ·E + (1−ρ)·g² ; Δ = √(D + eps)/√(E + eps)·g ; p −= lr·Δ ; D = ρ·D + (1−ρ)·Δ², D from D0
    private static Func<double, double[], double[]> Formula(double lr, double rho, double eps, double d0, double wd = 0) => (p, gs) =>
    {
        double E = 0, D = d0;
        var r = new double[gs.Length];
        for (int t = 0; t < gs.Length; t++)
        {
            double g = gs[t] + wd * p;
            E = rho * E + (1 - rho) * g * g;
            double delta = Math.Sqrt(D + eps) / Math.Sqrt(E + eps) * g;
            r[t] = p -= lr * delta;
            D = rho * D + (1 - rho) * delta * delta;
        }
        return r;
    };

    [Theory]
    [InlineData("adadelta", Convention.Lecture)]
    [InlineData("adadelta(rho=0.25, eps=0.001, initial_delta=50)", Convention.Lecture)]
    [InlineData("adadelta(lr=0.5, rho=0.975)", Convention.Lecture)]
    [InlineData("adadelta", Convention.Lasagne)]
    [InlineData("adadelta(lr=2, rho=0.5, eps=0.01, initial_delta=3)", Convention.Lasagne)]
    [InlineData("adadelta", Convention.PyTorch)]
    [InlineData("adadelta(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.3, initial_delta=0.5)", Convention.PyTorch)]
    public void Adadelta_ThreeSteps_MatchesFormula(string spec, Convention convention)
    {
        var o = (AdadeltaOptions)Spec(spec, convention);
        AssertFollows(o, Formula(o.LearningRate, o.Rho, o.Epsilon, o.InitialDelta, o.WeightDecay));
    }

    [Fact]
    public void Adadelta_LectureZeroStart_FirstStepByHand()
    {
        // Defaults lr 1, ρ 0.9, eps 1e-3, D0 = 0, coordinate 1 (g = −1.5):
        // E = 0.1·2.25 = 0.225 ; Δ = √0.001/√0.226·(−1.5) ≈ 0.06651901·(−1.5) = −0.09977852 ; p = −1.90022148
        var p = Run(Spec("adadelta", Convention.Lecture), P0, [Grads[0]])[0];
        AssertClose(-2 + Math.Sqrt(0.001) / Math.Sqrt(0.226) * 1.5, p[1], "p1");
        AssertClose(-1.90022148, p[1], "p1 literal", 1e-8);
    }

    [Fact]
    public void Adadelta_LectureBigStart_TwoStepsByHand()
    {
        // ρ 0.9, eps 1e-3, D0 = 50, coordinate 0 (g = 0.5, −0.25):
        // t=1: E = 0.025 ; Δ1 = √50.001/√0.026·0.5 ≈ 7.0711385/0.1612452·0.5 ≈ 21.9266697 ; p = 1 − Δ1 ; D = 45 + 0.1·Δ1²
        // t=2: E = 0.0225 + 0.00625 = 0.02875 ; Δ2 = √(D + 0.001)/√0.02975·(−0.25) ; p = 1 − Δ1 − Δ2
        double d1 = Math.Sqrt(50.001) / Math.Sqrt(0.026) * 0.5;
        double D = 45 + 0.1 * d1 * d1;
        double d2 = Math.Sqrt(D + 0.001) / Math.Sqrt(0.02975) * -0.25;
        var rows = Run(Spec("adadelta(initial_delta=50)", Convention.Lecture), P0, Grads[..2]);
        AssertClose(1 - d1, rows[0][0], "t=1");
        AssertClose(-20.9266697, rows[0][0], "t=1 literal", 1e-7);
        AssertClose(1 - d1 - d2, rows[1][0], "t=2");
    }

    [Fact]
    public void Adadelta_Lasagne_FirstStepByHand()
    {
        // lr 1, ρ 0.95, eps 1e-6: r = 0.05·0.25 = 0.0125 ; Δ = 0.5·√1e-6/√0.012501 ≈ 0.5·0.001/0.111808 ≈ 0.00447196
        var p = Run(Spec("adadelta", Convention.Lasagne), P0, [Grads[0]])[0];
        AssertClose(1 - 0.5 * Math.Sqrt(1e-6) / Math.Sqrt(0.012501), p[0], "p0");
        AssertClose(1 - 0.00447196, p[0], "p0 literal", 1e-8);
    }

    [Theory]
    [InlineData(Convention.Lecture)]
    [InlineData(Convention.Lasagne)]
    [InlineData(Convention.PyTorch)]
    public void Adadelta_InitialDelta_FillsTheDeltaState(Convention convention)
    {
        var opt = new Adadelta<double>(3, AdadeltaOptions.For(convention) with { InitialDelta = 50 });
        Assert.Equal([50.0, 50.0, 50.0], opt.State("acc_delta").ToArray());
        Assert.Equal([0.0, 0.0, 0.0], opt.State("square_avg").ToArray());
    }

    [Fact]
    public void Adadelta_InitialDelta_SaveAndLoadContinueBitForBit()
    {
        var options = AdadeltaOptions.For(Convention.Lecture) with { InitialDelta = 50 };
        var whole = new Adadelta<double>(3, options);
        double[] p = [.. P0];
        foreach (var g in Grads) whole.Step(p, g);

        var first = new Adadelta<double>(3, options);
        double[] q = [.. P0];
        first.Step(q, Grads[0]);
        using var stream = new MemoryStream();
        first.SaveState(stream);
        stream.Position = 0;
        var resumed = new Adadelta<double>(3, options with { InitialDelta = 7 });
        resumed.LoadState(stream);
        resumed.Step(q, Grads[1]);
        resumed.Step(q, Grads[2]);
        Assert.Equal(p, q);
    }

    [Fact]
    public void Adadelta_Defaults_PerConvention()
    {
        var t = (AdadeltaOptions)Spec("adadelta", Convention.PyTorch);
        Assert.Equal((1.0, 0.9, 1e-6, 0.0), (t.LearningRate, t.Rho, t.Epsilon, t.InitialDelta));
        var l = (AdadeltaOptions)Spec("adadelta", Convention.Lecture);
        Assert.Equal((1.0, 0.9, 1e-3, 0.0), (l.LearningRate, l.Rho, l.Epsilon, l.InitialDelta));
        var s = (AdadeltaOptions)Spec("adadelta", Convention.Lasagne);
        Assert.Equal((1.0, 0.95, 1e-6, 0.0), (s.LearningRate, s.Rho, s.Epsilon, s.InitialDelta));
    }
}
