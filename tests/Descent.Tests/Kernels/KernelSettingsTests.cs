using Descent.Kernels;
using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests.Kernels;

/// <summary>Kernel settings are a value an optimizer is given through its options, never process-wide state.</summary>
public sealed class KernelSettingsTests
{
    [Fact]
    public void KernelSettings_Default_EveryCoreAutoWidthAndAMegabyteThreshold()
    {
        var d = KernelSettings.Default;
        Assert.Equal(Environment.ProcessorCount, d.MaxThreads);
        Assert.Equal(VectorWidth.Auto, d.Width);
        Assert.Equal(1 << 18, d.ParallelThreshold);
        Assert.Same(d, new AdamOptions().Kernel);
        Assert.Same(d, OptimizerCatalog.Resolve("adam(lr=0.1)", Convention.PyTorch).Kernel);
    }

    [Theory]
    [InlineData(0, 1_000_000, 1)]
    [InlineData(4, 999, 1)]
    [InlineData(4, 2_000, 2)]
    [InlineData(4, 1_000_000, 4)]
    [InlineData(-3, 1_000_000, 1)]
    public void ThreadsFor_OnePerThresholdAtMostMaxThreads(int maxThreads, long length, int expected) =>
        Assert.Equal(expected, new KernelSettings { MaxThreads = maxThreads, ParallelThreshold = 1000 }.ThreadsFor(length));

    [Fact]
    public void ThreadsFor_ThresholdBelowOne_CountsAsOne() =>
        Assert.Equal(3, new KernelSettings { MaxThreads = 3, ParallelThreshold = 0 }.ThreadsFor(10));

    [Fact]
    public void Describe_KernelSettings_AreNotASpecKey()
    {
        var options = new AdamOptions { LearningRate = 0.1, Kernel = new KernelSettings { MaxThreads = 1, Width = VectorWidth.Scalar } };
        Assert.DoesNotContain("thread", OptimizerCatalog.Describe(options).ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_NullKernelSettings_IsAProblem()
    {
        var options = new SgdOptions { LearningRate = 0.1, Kernel = null! };
        Assert.Contains(options.Validate(), p => p.StartsWith("kernel settings must not be null", StringComparison.Ordinal));
    }

    [Fact]
    public void GroupedOptimizer_GroupsWithDifferentKernelSettings_AreRefused()
    {
        ParameterGroup<SgdOptions>[] groups =
        [
            new(0, 2, new SgdOptions { LearningRate = 0.1 }),
            new(2, 2, new SgdOptions { LearningRate = 0.1, Kernel = new KernelSettings { MaxThreads = 1 } }),
        ];
        var e = Assert.Throws<ArgumentException>(() => new Sgd<double>(4, groups));
        Assert.Contains("Kernel settings must be the same in every parameter group", e.Message, StringComparison.Ordinal);
        // Equal settings built separately are the same settings (a record compares by value).
        ParameterGroup<SgdOptions>[] same =
        [
            new(0, 2, new SgdOptions { LearningRate = 0.1, Kernel = new KernelSettings { MaxThreads = 1 } }),
            new(2, 2, new SgdOptions { LearningRate = 0.2, Kernel = new KernelSettings { MaxThreads = 1 } }),
        ];
        Assert.Equal(4, new Sgd<double>(4, same).Length);
    }

    [Fact]
    public async Task Step_TwoOptimizersWithOtherWidthsAtOnce_EachKeepsItsOwnAndTheBitsAgree()
    {
        // Two threads step side by side, one pinned to the scalar loop and one to 128-bit registers: with
        // process-wide settings one would have switched the other's width mid-run.
        const int n = 4099, steps = 200;
        var g = Enumerable.Range(0, n).Select(i => Math.Sin(0.37 * i)).ToArray();
        double[] Run(VectorWidth width)
        {
            var p = Enumerable.Range(0, n).Select(i => Math.Cos(0.11 * i)).ToArray();
            var adam = (OptimizerCatalog.Resolve("adam(lr=0.01, weight_decay=0.1)", Convention.PyTorch) with { Kernel = new KernelSettings { Width = width } }).Create<double>(n);
            for (int t = 0; t < steps; t++) adam.Step(p, g);
            return p;
        }
        var scalar = Task.Run(() => Run(VectorWidth.Scalar));
        var vector = Task.Run(() => Run(VectorWidth.V128));
        Assert.Equal(await scalar, await vector);
    }
}
