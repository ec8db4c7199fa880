using System.Numerics;
using Descent.Specs;

namespace Descent.Tests.Rules;

/// <summary>
/// A rule typed in the order of a built-in kernel gives the built-in's bits: same once-per-step constants (computed
/// in double, then rounded), same element operations, same order. 1,000 steps on a bumpy gradient field over 37
/// parameters (so the SIMD body and the scalar tail both run), in double and in float.
/// </summary>
public class TypedRuleParityTests
{
    private const int Length = 37, Steps = 1000;

    // g_i = sin((i+1)·p_i) + 0.1·p_i: non-convex, different in every coordinate, the same for both optimizers.
    private static void Gradient<T>(ReadOnlySpan<T> p, Span<T> g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.Length; i++) g[i] = T.Sin(T.CreateTruncating(i + 1) * p[i]) + T.CreateTruncating(0.1) * p[i];
    }

    private static T[] Run<T>(string spec, Convention convention) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var optimizer = OptimizerCatalog.Resolve(spec, convention).Create<T>(Length);
        var p = new T[Length];
        for (int i = 0; i < Length; i++) p[i] = T.CreateTruncating(Math.Cos(i) * 2);
        var g = new T[Length];
        for (int t = 0; t < Steps; t++)
        {
            if (optimizer.NeedsOracle) optimizer.Step(p, Gradient);
            else
            {
                Gradient<T>(p, g);
                optimizer.Step(p, g);
            }
        }
        return p;
    }

    public static TheoryData<string, string, string> SameOrder => new()
    {
        { "lecture", "adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-7)",
            "rule(m = m*b1 + (1-b1)*g; v = v*b2 + (1-b2)*g*g; p = p - lr/sqrt(v/(1-b2^t) + eps) * (m/(1-b1^t)) | lr=0.01, b1=0.9, b2=0.999, eps=1e-7)" },
        { "pytorch", "adam(lr=0.01)",
            "rule(m = fma(g, 1-b1, m*b1); v = fma((1-b2)*g, g, v*b2); p = p - lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps) | lr=0.01, b1=0.9, b2=0.999, eps=1e-8)" },
        { "lecture", "momentum(lr=0.01, momentum=0.9)", "rule(v = mu*v + lr*g; p = p - v | lr=0.01, mu=0.9)" },
        { "lecture", "rmsprop(lr=0.01, rho=0.9, eps=1e-6)", "rule(E = rho*E + (1-rho)*g*g; p = p - lr/sqrt(E + eps)*g | lr=0.01, rho=0.9, eps=1e-6)" },
        { "lecture", "adadelta(lr=1, rho=0.9, eps=1e-6)",
            "rule(E = E*rho + (1-rho)*g*g; d = sqrt(D + eps)/sqrt(E + eps)*g; D = D*rho + (1-rho)*d*d; p = p - lr*d | lr=1, rho=0.9, eps=1e-6)" },
        { "lecture", "nesterov(lr=0.01, momentum=0.9)", "rule(v = mu*v + lr*grad(p - mu*v); p = p - v | lr=0.01, mu=0.9)" },
        { "lecture", "smoothed-nesterov(lr=0.01, momentum=0.9, points=4)",
            "rule(v = mu*v + lr*(grad(p - mu*v*1/4) + grad(p - mu*v*2/4) + grad(p - mu*v*3/4) + grad(p - mu*v*4/4))/4; p = p - v | lr=0.01, mu=0.9)" },
    };

    [Theory]
    [MemberData(nameof(SameOrder))]
    public void TypedRule_WrittenInTheBuiltInsOrder_GivesItsBitsInDouble(string convention, string builtIn, string typed)
    {
        var c = OptimizerCatalog.ParseConvention(convention);
        Assert.Equal(Run<double>(builtIn, c), Run<double>(typed, c));
    }

    [Theory]
    [MemberData(nameof(SameOrder))]
    public void TypedRule_WrittenInTheBuiltInsOrder_GivesItsBitsInFloat(string convention, string builtIn, string typed)
    {
        var c = OptimizerCatalog.ParseConvention(convention);
        Assert.Equal(Run<float>(builtIn, c), Run<float>(typed, c));
    }

    [Fact]
    public void TypedAdam_AsTheIssueWritesIt_MatchesTheBuiltInWithin1e12()
    {
        // Not in PyTorch's order (unfused moments, m/(…) before the step size), so equal to rounding, not bits.
        var builtIn = Run<double>("adam(lr=0.01)", Convention.PyTorch);
        var typed = Run<double>("rule(m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; p = p - lr/(1-b1^t) * (m/(sqrt(v)/sqrt(1-b2^t) + eps)) | lr=0.01, b1=0.9, b2=0.999, eps=1e-8)", Convention.PyTorch);
        for (int i = 0; i < Length; i++) Assert.True(Math.Abs(builtIn[i] - typed[i]) <= 1e-12 * Math.Max(1, Math.Abs(builtIn[i])), $"parameter {i}: {builtIn[i]} vs {typed[i]}");
    }
}
