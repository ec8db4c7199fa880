using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>Adamax in each convention, three steps against the formulas of CONVENTIONS.md, Lasagne and torch.optim.Adamax.</summary>
public class AdamaxUpdateTests
{
    // The lecture and Lasagne: m = β1·m + (1−β1)·g ; u = max(β2·u, |g|) ; p −= lr/(1−β1^t)·m/(u + eps)
    private static Func<double, double[], double[]> Lasagne(double lr, double b1, double b2, double eps) => (p, gs) =>
    {
        double m = 0, u = 0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1];
            m = b1 * m + (1 - b1) * g;
            u = Math.Max(b2 * u, Math.Abs(g));
            r[t - 1] = p -= lr / (1 - Math.Pow(b1, t)) * m / (u + eps);
        }
        return r;
    };

    // PyTorch: g += wd·p ; m as above ; u = max(β2·u, |g| + eps) ; p −= lr/(1−β1^t)·m/u
    private static Func<double, double[], double[]> Torch(double lr, double b1, double b2, double eps, double wd) => (p, gs) =>
    {
        double m = 0, u = 0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1] + wd * p;
            m = b1 * m + (1 - b1) * g;
            u = Math.Max(b2 * u, Math.Abs(g) + eps);
            r[t - 1] = p -= lr / (1 - Math.Pow(b1, t)) * m / u;
        }
        return r;
    };

    [Theory]
    [InlineData("adamax", Convention.Lecture)]
    [InlineData("adamax(lr=0.1, beta1=0.5, beta2=0.6, eps=0.01)", Convention.Lecture)]
    [InlineData("adamax", Convention.Lasagne)]
    [InlineData("adamax(lr=0.1, beta1=0.5, beta2=0.6, eps=0.01)", Convention.Lasagne)]
    public void Adamax_LectureAndLasagne_ThreeSteps_MatchesFormula(string spec, Convention convention)
    {
        var o = (AdamaxOptions)Spec(spec, convention);
        AssertFollows(o, Lasagne(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon));
    }

    [Theory]
    [InlineData("adamax")]
    [InlineData("adamax(lr=0.1, beta1=0.5, beta2=0.6, eps=0.01)")]
    [InlineData("adamax(lr=0.1, weight_decay=0.2, eps=0.01)")]
    public void Adamax_PyTorch_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (AdamaxOptions)Spec(spec, Convention.PyTorch);
        AssertFollows(o, Torch(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay));
    }

    [Fact]
    public void Adamax_Lecture_TwoStepsByHand()
    {
        // lr 0.25, β1 0.9, β2 0.999, eps 1e-8, coordinate 1 (g = −1.5, 2):
        // t=1: m = −0.15 ; u = 1.5 ; p = −2 + 0.25/0.1·0.15/(1.5 + 1e-8) = −2 + 2.5·0.1/(1 + 1e-8/1.5) ≈ −1.75
        // t=2: m = −0.135 + 0.2 = 0.065 ; u = max(1.4985, 2) = 2 ; p −= 0.25/0.19·0.065/(2 + 1e-8)
        var rows = Run(Spec("adamax", Convention.Lecture), P0, Grads[..2]);
        AssertClose(-2 + 2.5 * 0.15 / (1.5 + 1e-8), rows[0][1], "t=1");
        AssertClose(-1.75, rows[0][1], "t=1 literal", 1e-8);
        AssertClose(-2 + 2.5 * 0.15 / (1.5 + 1e-8) - 0.25 / 0.19 * 0.065 / (2 + 1e-8), rows[1][1], "t=2");
        AssertClose(-1.75 - 0.0427631579, rows[1][1], "t=2 literal", 1e-8);
    }

    [Fact]
    public void Adamax_PyTorchWeightDecay_FirstStepByHand()
    {
        // lr 0.1, wd 0.2, eps 0.01, coordinate 0: g = 0.5 + 0.2 = 0.7 ; m = 0.07 ; u = max(0, 0.71) = 0.71 ;
        // p = 1 − 0.1/0.1·0.07/0.71 = 1 − 7/71 = 64/71
        var p = Run(Spec("adamax(lr=0.1, weight_decay=0.2, eps=0.01)", Convention.PyTorch), P0, [Grads[0]])[0];
        AssertClose(64.0 / 71.0, p[0], "p0");
    }

    [Fact]
    public void Adamax_PyTorch_EpsilonInsideTheMax()
    {
        // With a zero gradient the norm is eps itself: u = max(0, 0 + eps), not max(0, 0) + eps — the same here —
        // but after a large gradient the lecture adds eps to β2·u while PyTorch does not:
        // g = 1 then 0, β2 0.5, eps 0.25: PyTorch u2 = max(0.625, 0.25) = 0.625 ; lecture u2 + eps = 0.5 + 0.25 = 0.75.
        double[][] grads = [[1.0], [0.0]];
        var torch = Run(Spec("adamax(lr=1, beta1=0.5, beta2=0.5, eps=0.25)", Convention.PyTorch), [0.0], grads);
        var lecture = Run(Spec("adamax(lr=1, beta1=0.5, beta2=0.5, eps=0.25)", Convention.Lecture), [0.0], grads);
        // t=1: m = 0.5, a = 2 ; PyTorch p = −2·0.5/1.25 = −0.8 ; lecture p = −2·0.5/1.25 = −0.8
        // t=2: m = 0.25, a = 1/0.75 ; PyTorch p = −0.8 − 0.25/0.75/0.625 ; lecture p = −0.8 − 0.25/0.75/0.75
        AssertClose(-0.8 - 0.25 / 0.75 / 0.625, torch[1][0], "pytorch t=2");
        AssertClose(-0.8 - 0.25 / 0.75 / 0.75, lecture[1][0], "lecture t=2");
    }

    [Fact]
    public void Adamax_Defaults_PerConvention()
    {
        var t = (AdamaxOptions)Spec("adamax", Convention.PyTorch);
        Assert.Equal((2e-3, 0.9, 0.999, 1e-8), (t.LearningRate, t.Beta1, t.Beta2, t.Epsilon));
        Assert.Equal(0.25, ((AdamaxOptions)Spec("adamax", Convention.Lecture)).LearningRate);
        Assert.Equal(2e-3, ((AdamaxOptions)Spec("adamax", Convention.Lasagne)).LearningRate);
    }
}
