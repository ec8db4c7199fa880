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
}
