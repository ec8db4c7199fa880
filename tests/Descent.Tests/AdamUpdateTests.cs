using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>Adam, AMSGrad and AdamW, three steps against the formulas of each convention.</summary>
public class AdamUpdateTests
{
    // The lecture: m̂ = m/(1−β1^t) ; v̂ = v/(1−β2^t) ; p −= lr/√(v̂ + eps)·m̂
    private static Func<double, double[], double[]> Lecture(double lr, double b1, double b2, double eps) => (p, gs) =>
    {
        double m = 0, v = 0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1];
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            p -= lr / Math.Sqrt(v / (1 - Math.Pow(b2, t)) + eps) * (m / (1 - Math.Pow(b1, t)));
            r[t - 1] = p;
        }
        return r;
    };

    // Lasagne: a = lr·√(1−β2^t)/(1−β1^t) ; p −= a·m/(√v + eps); amsgrad divides by √max(v̂, v)
    private static Func<double, double[], double[]> Lasagne(double lr, double b1, double b2, double eps, bool ams) => (p, gs) =>
    {
        double m = 0, v = 0, vmax = 0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1];
            double a = lr * Math.Sqrt(1 - Math.Pow(b2, t)) / (1 - Math.Pow(b1, t));
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            vmax = Math.Max(vmax, v);
            p -= a * m / (Math.Sqrt(ams ? vmax : v) + eps);
            r[t - 1] = p;
        }
        return r;
    };

    // PyTorch: (AdamW: p *= 1 − lr·wd) ; (Adam: g += wd·p) ; m, v ; vmax = max(vmax, v) ; p −= lr/(1−β1^t)·m/(√v/√(1−β2^t) + eps)
    private static Func<double, double[], double[]> Torch(double lr, double b1, double b2, double eps, double wd, bool ams, bool decoupled) => (p, gs) =>
    {
        double m = 0, v = 0, vmax = 0;
        var r = new double[gs.Length];
        for (int t = 1; t <= gs.Length; t++)
        {
            double g = gs[t - 1];
            if (decoupled) p *= 1 - lr * wd;
            else g += wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            vmax = Math.Max(vmax, v);
            p -= lr / (1 - Math.Pow(b1, t)) * m / (Math.Sqrt(ams ? vmax : v) / Math.Sqrt(1 - Math.Pow(b2, t)) + eps);
            r[t - 1] = p;
        }
        return r;
    };

    [Theory]
    [InlineData("adam")]
    [InlineData("adam(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01)")]
    public void Adam_Lecture_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (Descent.Optimizers.AdamOptions)Spec(spec, Convention.Lecture);
        AssertFollows(o, Lecture(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon));
    }

    [Fact]
    public void Adam_Lecture_FirstStepByHand()
    {
        // Defaults lr 0.25, eps 1e-7. t=1, coordinate 0 (g = 0.5): m̂ = 0.5, v̂ = 0.25 ; step = 0.25·0.5/√(0.25 + 1e-7)
        // = 0.125/0.5000001 ≈ 0.24999995000002 ; p ≈ 0.75000004999998
        var p = Run(Spec("adam", Convention.Lecture), P0, [Grads[0]])[0];
        AssertClose(1 - 0.125 / Math.Sqrt(0.2500001), p[0], "p0");
        AssertClose(0.75000004999998, p[0], "p0 literal", 1e-13);
    }

    [Theory]
    [InlineData("adam", false)]
    [InlineData("adam(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01)", false)]
    [InlineData("adam(amsgrad=true)", true)]
    [InlineData("adam(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01, amsgrad=true)", true)]
    public void Adam_Lasagne_ThreeSteps_MatchesFormula(string spec, bool ams)
    {
        var o = (Descent.Optimizers.AdamOptions)Spec(spec, Convention.Lasagne);
        AssertFollows(o, Lasagne(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, ams));
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adam(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01)")]
    [InlineData("adam(lr=0.1, weight_decay=0.3)")]
    [InlineData("adam(lr=0.1, amsgrad=true)")]
    [InlineData("adam(lr=0.1, beta2=0.5, weight_decay=0.3, amsgrad=true)")]
    public void Adam_PyTorch_ThreeSteps_MatchesFormula(string spec)
    {
        var o = (Descent.Optimizers.AdamOptions)Spec(spec, Convention.PyTorch);
        AssertFollows(o, Torch(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay, o.AmsGrad, decoupled: false));
    }

    [Fact]
    public void Adam_PyTorchAmsGrad_KeepsTheLargerSecondMoment()
    {
        // β2 = 0.5 and gradients 2 then 0: v1 = 0.5·4 = 2, v2 = 1 < vmax = 2.
        // t=2: m = 0.9·0.2 = 0.18 ; step = 0.1/0.19 · 0.18/(√2/√0.75 + 1e-8)
        double expected = 1 - 0.1 / 0.1 * 0.2 / (Math.Sqrt(2) / Math.Sqrt(0.5) + 1e-8);
        expected -= 0.1 / (1 - 0.81) * 0.18 / (Math.Sqrt(2) / Math.Sqrt(0.75) + 1e-8);
        var rows = Run(Spec("adam(lr=0.1, beta2=0.5, amsgrad=true)", Convention.PyTorch), [1.0], [[2.0], [0.0]]);
        AssertClose(expected, rows[1][0], "t=2");
    }

    [Theory]
    [InlineData("adamw", Convention.PyTorch)]
    [InlineData("adamw(lr=0.1, weight_decay=0.5)", Convention.PyTorch)]
    [InlineData("adamw(lr=0.1, weight_decay=0.5, amsgrad=true)", Convention.PyTorch)]
    [InlineData("adamw(lr=0.1, beta1=0.5, beta2=0.9, eps=0.01)", Convention.Lasagne)]
    [InlineData("adamw(lr=0.1)", Convention.Lecture)]
    public void AdamW_ThreeSteps_MatchesDecoupledFormula(string spec, Convention convention)
    {
        var o = (Descent.Optimizers.AdamOptions)Spec(spec, convention);
        AssertFollows(o, Torch(o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay, o.AmsGrad, decoupled: true));
    }

    [Fact]
    public void AdamW_Defaults_FirstStepByHand()
    {
        // lr 1e-3, wd 1e-2: p = 1·(1 − 1e-5) = 0.99999 ; m = 0.05, v = 0.00025 ;
        // step = 1e-3/0.1 · 0.05/(√0.00025/√0.001 + 1e-8) = 0.01 · 0.05/(0.5 + 1e-8) ≈ 0.00099999998 ; p ≈ 0.99899000002
        var p = Run(Spec("adamw", Convention.PyTorch), P0, [Grads[0]])[0];
        AssertClose(0.99999 - 0.01 * 0.05 / (0.5 + 1e-8), p[0], "p0");
        AssertClose(0.99899000002, p[0], "p0 literal", 1e-13);
    }
}
