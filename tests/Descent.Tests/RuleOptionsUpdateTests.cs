using Descent.Specs;

namespace Descent.Tests;

/// <summary>Each new rule refuses values out of range with a message naming the key, before any update runs.</summary>
public class RuleOptionsUpdateTests
{
    [Theory]
    [InlineData("adagrad(lr=-1)", Convention.PyTorch, "lr")]
    [InlineData("adagrad(eps=-1e-3)", Convention.PyTorch, "eps")]
    [InlineData("adagrad(lr_decay=-0.1)", Convention.PyTorch, "lr_decay")]
    [InlineData("adagrad(weight_decay=-0.1)", Convention.PyTorch, "weight_decay")]
    [InlineData("adagrad(initial_accumulator=-0.1)", Convention.PyTorch, "initial_accumulator")]
    [InlineData("adagrad(power=0)", Convention.Lecture, "power")]
    [InlineData("adagrad(power=-0.5)", Convention.Lecture, "power")]
    [InlineData("adagrad(accumulate=cubes)", Convention.Lecture, "accumulate")]
    [InlineData("rmsprop(rho=1)", Convention.Lecture, "rho")]
    [InlineData("rmsprop(alpha=-0.1)", Convention.PyTorch, "rho")]
    [InlineData("rmsprop(momentum=-0.5)", Convention.PyTorch, "momentum")]
    [InlineData("rmsprop(eps=-1)", Convention.Lasagne, "eps")]
    [InlineData("adadelta(eps=0)", Convention.Lecture, "eps")]
    [InlineData("adadelta(rho=1.5)", Convention.Lasagne, "rho")]
    [InlineData("adadelta(initial_delta=-1)", Convention.Lecture, "initial_delta")]
    [InlineData("adadelta(weight_decay=-1)", Convention.PyTorch, "weight_decay")]
    [InlineData("adamax(beta1=1)", Convention.Lecture, "beta1")]
    [InlineData("adamax(beta2=-0.1)", Convention.PyTorch, "beta2")]
    [InlineData("nadam(momentum_decay=-1)", Convention.PyTorch, "momentum_decay")]
    [InlineData("nadam(beta1=1)", Convention.Lasagne, "beta1")]
    [InlineData("radam(beta2=1)", Convention.PyTorch, "beta2")]
    [InlineData("radam(lr=-0.1)", Convention.Lecture, "lr")]
    public void Rule_ValueOutOfRange_IsRejectedNamingTheKey(string spec, Convention convention, string key)
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(spec, convention));
        Assert.Contains(key, e.Message);
    }

    [Theory]
    [InlineData("adagrad(power=1)", Convention.PyTorch)]
    [InlineData("adagrad(lr_decay=0.1)", Convention.Lecture)]
    [InlineData("rmsprop(centered=true)", Convention.Lasagne)]
    [InlineData("adam(amsgrad=true)", Convention.Lecture)]
    public void Rule_KeyOfAnotherConvention_IsRejected(string spec, Convention convention)
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(spec, convention));
        Assert.Contains("does not exist in the", e.Message);
    }

    [Theory]
    [InlineData("adadelta(initial_delta=50)", Convention.PyTorch)]
    [InlineData("adadelta(initial_delta=50)", Convention.Lasagne)]
    [InlineData("nadam(weight_decay=0.1, momentum_decay=0.01)", Convention.Lecture)]
    [InlineData("radam(weight_decay=0.1)", Convention.Lasagne)]
    [InlineData("adagrad(eps=0)", Convention.PyTorch)]
    public void Rule_KeyValidInEveryConventionOrPyTorchFallback_IsAccepted(string spec, Convention convention) =>
        Assert.NotNull(OptimizerCatalog.Resolve(spec, convention));

    [Theory]
    [MemberData(nameof(QuadraticConvergenceTests.Matrix), MemberType = typeof(QuadraticConvergenceTests))]
    public void Describe_EveryRuleAndConvention_ResolvesBackToTheSameOptions(string name, Convention convention)
    {
        var options = OptimizerCatalog.Resolve(QuadraticConvergenceTests.Specs[name], convention);
        var text = OptimizerCatalog.Describe(options).ToString();
        Assert.Equal(options, OptimizerCatalog.Resolve(text, convention));
    }

    [Fact]
    public void Describe_LectureAdagrad_PrintsItsFamilyKeys()
    {
        var text = OptimizerCatalog.Describe(OptimizerCatalog.Resolve("adagrad(power=1, accumulate=abs)", Convention.Lecture)).ToString();
        // weight_decay is shared by every rule in every convention; the unused shared keys are left out.
        Assert.Equal("adagrad(lr=2.5, eps=1e-07, power=1, accumulate=abs, weight_decay=0)", text);
    }

    [Fact]
    public void TypedOptions_KeyTheConventionLacks_IsRejected()
    {
        // The typed API says what the spec parser says: the lecture's Adam has no AMSGrad.
        var problems = new Optimizers.AdamOptions { Convention = Convention.Lecture, AmsGrad = true }.Validate().ToList();
        Assert.Contains(problems, p => p.Contains("amsgrad does not exist in the lecture convention", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new Optimizers.AdamOptions { Convention = Convention.Lecture, AmsGrad = true }.Create<double>(3));
        Assert.Empty(new Optimizers.AdamOptions { Convention = Convention.Lasagne, AmsGrad = true }.Validate());
        Assert.NotEmpty(new Optimizers.RmsPropOptions { Convention = Convention.Lasagne, Centered = true }.Validate());
    }
}
