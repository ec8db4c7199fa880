using Descent.Lab.Bench;
using Descent.Specs;

namespace Descent.Lab.Tests.Bench;

public sealed class BenchConfigTests
{
    [Fact]
    public void DefaultOptimizers_FromTheRegistry_EveryRuleWithoutAnOracle()
    {
        // Read from the registry, not a list of names: the lecture's smoothed Nesterov needs a gradient oracle, lbfgs the loss.
        Assert.Equal(OptimizerCatalog.Names.Where(n => n is not ("smoothed-nesterov" or "lbfgs")), BenchConfig.DefaultOptimizers);
        Assert.Contains("adam", BenchConfig.DefaultOptimizers);
        Assert.Contains("nesterov", BenchConfig.DefaultOptimizers);
    }

    [Fact]
    public void DefaultOptimizersFor_Keras_OnlyTheRulesKerasHas()
    {
        Assert.Equal(["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "lion", "lamb"],
            BenchConfig.DefaultOptimizersFor(Convention.Keras));
        Assert.DoesNotContain("rprop", BenchConfig.DefaultOptimizersFor(Convention.Keras));
        // The lecture's Nesterov looks ahead through the oracle; PyTorch's does not.
        Assert.DoesNotContain("nesterov", BenchConfig.DefaultOptimizersFor(Convention.Lecture));
        Assert.Equal(BenchConfig.DefaultOptimizers, BenchConfig.DefaultOptimizersFor(Convention.PyTorch));
    }
}
