using Descent.Optimizers;
using Descent.Rules;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// lookahead in the spec language: its first value is a whole optimizer spec (any rule, a typed one included, read
/// under the same convention), written back first and in full; the learning rate and the shared keys are the inner rule's.
/// </summary>
public sealed class LookaheadSpecTests
{
    [Theory]
    [InlineData("lookahead(adam(lr=0.1), k=5, alpha=0.5)", "adam", 0.1, 5, 0.5)]
    [InlineData("lookahead(adam)", "adam", 0.001, 6, 0.5)]
    [InlineData("lookahead", "adam", 0.001, 6, 0.5)]
    [InlineData("LOOKAHEAD( SGD(LR=0.2, Momentum=0.9) , K=3 )", "sgd", 0.2, 3, 0.5)]
    [InlineData("lookahead(optimizer=rmsprop(lr=0.01), alpha=0.8)", "rmsprop", 0.01, 6, 0.8)]
    [InlineData("lookahead(k=2, optimizer=lion)", "lion", 1e-4, 2, 0.5)]
    public void Resolve_InnerSpec_ReadsTheInnerRuleAndTimmsDefaults(string text, string inner, double lr, int k, double alpha)
    {
        var options = Assert.IsType<LookaheadOptions>(OptimizerCatalog.Resolve(text, Convention.PyTorch));
        Assert.Equal(inner, options.Inner.Name);
        Assert.Equal(lr, options.Inner.LearningRate);
        // The shared settings a run reads are the inner rule's.
        Assert.Equal(lr, options.LearningRate);
        Assert.Equal(k, options.K);
        Assert.Equal(alpha, options.Alpha);
    }

    [Fact]
    public void Describe_Lookahead_WritesTheInnerRuleFirstInFull()
    {
        var options = OptimizerCatalog.Resolve("lookahead(adam(lr=0.25), k=5)", Convention.PyTorch);
        Assert.Equal("lookahead(adam(lr=0.25, beta1=0.9, beta2=0.999, eps=1e-08, amsgrad=false, weight_decay=0), k=5, alpha=0.5)",
            OptimizerCatalog.Describe(options).ToString());
    }

    [Fact]
    public void Resolve_LectureConvention_ReachesTheInnerRule()
    {
        var options = (LookaheadOptions)OptimizerCatalog.Resolve("lookahead(adam)", Convention.Lecture);
        Assert.Equal(Convention.Lecture, options.Inner.Convention);
        // The lecture's Adam: lr 0.25, eps 1e-7.
        Assert.Equal(0.25, options.Inner.LearningRate);
        Assert.Equal(1e-7, ((AdamOptions)options.Inner).Epsilon);
    }

    [Fact]
    public void Resolve_TypedInnerRule_StepsAsTheTypedRuleAndDescribesBack()
    {
        const string text = "lookahead(rule(m = b*m + g; p = p - lr*m | lr=0.1, b=0.5), k=2, alpha=0.5)";
        var options = OptimizerCatalog.Resolve(text, Convention.PyTorch);
        string described = OptimizerCatalog.Describe(options).ToString();
        Assert.Equal(described, OptimizerCatalog.Describe(OptimizerCatalog.Resolve(described, Convention.PyTorch)).ToString());
        // f = x²/2 from x = 1, by hand: m = 1, x = 0.9; m = 1.4, x = 0.76; then the lazy first sync at step 2 keeps 0.76;
        // m = 0.7 + 0.76 = 1.46, x = 0.614; m = 0.73 + 0.614 = 1.344, x = 0.4796 -> halfway back to 0.76: 0.6198.
        var optimizer = options.Create<double>(1);
        double[] p = [1.0];
        for (int t = 0; t < 4; t++) optimizer.Step(p, [p[0]]);
        Assert.Equal(0.6198, p[0], 12);
    }

    [Theory]
    [InlineData("lookahead(adam(lr=0.1), lr=0.2)", "lookahead: lr belongs to the rule it wraps; write it inside, e.g. lookahead(adam(lr=...))")]
    [InlineData("lookahead(adam, weight_decay=0.1)", "weight_decay belongs to the rule it wraps")]
    [InlineData("lookahead(adam, beta1=0.1)", "unknown key 'beta1'")]
    [InlineData("lookahead(adam, k=0)", "k must be >= 1, got 0")]
    [InlineData("lookahead(adam, alpha=1.5)", "alpha must be in [0, 1], got 1.5")]
    [InlineData("lookahead(adam, k=2.5)", "k=2.5 is not an integer")]
    [InlineData("lookahead(adma(lr=0.1))", "Unknown optimizer 'adma'")]
    [InlineData("lookahead(adam(lr=-1))", "lr must be >= 0")]
    [InlineData("lookahead(adam(lr=0.1), optimizer=sgd)", "optimizer is given twice")]
    [InlineData("adam(sgd)", "adam: 'sgd' has no key; adam wraps no other rule")]
    [InlineData("adam(sgd(lr=0.1))", "adam: 'sgd(lr=0.1)' has no key")]
    public void Resolve_BadLookahead_OneLineNamingTheProblem(string text, string expected)
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(text, Convention.PyTorch));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Resolve_TypedInnerRuleThatDoesNotParse_PointsIntoItsStatements()
    {
        var e = Assert.Throws<RuleException>(() => OptimizerCatalog.Resolve("lookahead(rule(p = p - lr*q | lr=0.1))", Convention.PyTorch));
        Assert.Equal("p = p - lr*q", e.Source);
        Assert.Equal(11, e.Position);
    }

    [Fact]
    public void Lookahead_ParameterBufferState_IsTheInnerRulesThenTheSlowWeights()
    {
        var optimizer = OptimizerCatalog.Resolve("lookahead(adam(lr=0.1))", Convention.PyTorch).Create<float>(3);
        Assert.Equal(["exp_avg", "exp_avg_sq", "slow_buffer"], optimizer.StateNames);
        Assert.Equal("lookahead", optimizer.Name);
    }
}
