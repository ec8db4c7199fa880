namespace Descent.Functions.Tests;

/// <summary>Derivatives where the calculus leaves a choice: PyTorch autograd's conventions (FormulaSyntax).</summary>
public class KinkTests
{
    private static (double Value, double Dx, double Dy) Eval(string formula, double x, double y)
    {
        double v = CompiledFormula.Compile(formula).ValueAndGradient(x, y, out double dx, out double dy);
        return (v, dx, dy);
    }

    [Fact]
    public void Abs_AtZero_DerivativeIsZero() => Assert.Equal((5.0, 0.0, 1.0), Eval("3*abs(x) + y", 0, 5));

    [Fact]
    public void Abs_AwayFromZero_DerivativeIsSign()
    {
        Assert.Equal(-3.0, Eval("3*abs(x)", -2, 0).Dx);
        Assert.Equal(3.0, Eval("3*abs(x)", 2, 0).Dx);
        Assert.Equal(0.0, Eval("abs(x)", -0.0, 0).Dx);
    }

    [Fact]
    public void Sqrt_AtZero_DerivativeIsPositiveInfinity()
    {
        var r = Eval("sqrt(x)", 0, 0);
        Assert.Equal(0.0, r.Value);
        Assert.Equal(double.PositiveInfinity, r.Dx);
        Assert.Equal(0.0, r.Dy);
    }

    [Fact]
    public void Sqrt_OfZeroSquaredNorm_GradientIsNaN()
    {
        var r = Eval("sqrt(x^2 + y^2)", 0, 0);
        Assert.True(double.IsNaN(r.Dx) && double.IsNaN(r.Dy));
    }

    [Fact]
    public void Max_Tie_SplitsTheDerivativeInHalves() => Assert.Equal((1.0, 0.5, 0.5), Eval("max(x, y)", 1, 1));

    [Fact]
    public void Min_Tie_SplitsTheDerivativeInHalves() => Assert.Equal((2.0, 0.5, 1.0), Eval("min(x, 2*y)", 2, 1));

    [Fact]
    public void MinMax_NoTie_TakesTheWinnersDerivative()
    {
        Assert.Equal((2.0, 1.0, 0.0), Eval("max(x, y)", 2, 1));
        Assert.Equal((1.0, 0.0, 1.0), Eval("min(x, y)", 2, 1));
        Assert.Equal((3.0, 0.0, 0.0), Eval("max(3, y)", 0, 1));
    }

    [Fact]
    public void Power_ZeroExponent_DerivativeIsZeroEvenAtZero()
    {
        Assert.Equal((1.0, 0.0, 0.0), Eval("x^0", 0, 0));
        // u^v with v = 0: the base term is zero (PyTorch's pow_backward_self), the exponent term is ln(2).
        Assert.Equal((1.0, 0.0, Math.Log(2)), Eval("x^y", 2, 0));
    }

    [Fact]
    public void Power_ZeroBaseNonNegativeExponent_ExponentDerivativeIsZero()
    {
        // PyTorch's pow_backward_exponent masks ln(0) where the base is 0 and the exponent ≥ 0.
        Assert.Equal((0.0, 0.0, 0.0), Eval("x^y", 0, 2));
        Assert.Equal((0.0, 0.0, 0.0), Eval("0^y", 0, 2));
    }

    [Fact]
    public void Log_AtZero_IsMinusInfinityWithInfiniteDerivative() =>
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity, 0.0), Eval("log(x)", 0, 1));

    [Fact]
    public void Sqrt_OfNegative_IsNaN() => Assert.True(double.IsNaN(Eval("sqrt(x)", -1, 0).Value));
}
