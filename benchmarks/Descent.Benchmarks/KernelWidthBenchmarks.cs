using BenchmarkDotNet.Attributes;
using Descent.Kernels;
using Descent.Specs;

namespace Descent.Benchmarks;

/// <summary>
/// One fused step of each rule at each register width (scalar, 128, 256, 512 bits), single-threaded,
/// from cache-resident (1K, 100K) to memory-bound (10M) buffers.
/// </summary>
[MemoryDiagnoser]
public class KernelWidthBenchmarks
{
    private float[] _p = [], _g = [];
    private Optimizer<float> _optimizer = null!;

    /// <summary>The rule.</summary>
    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = "adam";

    /// <summary>
    /// Every registered rule that steps on a fixed gradient, at its pytorch defaults, and the options that switch
    /// to another kernel (centered RMSProp with momentum, AMSGrad).
    /// </summary>
    public static IEnumerable<string> Specs =>
    [
        .. OptimizerCatalog.Entries.Where(e => !e.Defaults(Convention.PyTorch).Create<float>(0).NeedsOracle).Select(e => e.Name),
        "rmsprop(centered=true, momentum=0.9)", "adam(amsgrad=true)",
    ];

    /// <summary>Register width.</summary>
    [Params(VectorWidth.Scalar, VectorWidth.V128, VectorWidth.V256, VectorWidth.V512)]
    public VectorWidth Width { get; set; }

    /// <summary>Parameters.</summary>
    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Allocates buffers and the optimizer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _p = [.. Enumerable.Range(0, N).Select(_ => (float)random.NextDouble())];
        _g = [.. Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() - 0.5))];
        var kernel = new KernelSettings { Width = Width, MaxThreads = 1 };
        _optimizer = (OptimizerCatalog.Resolve(Spec, Convention.PyTorch) with { Kernel = kernel }).Create<float>(N);
    }

    /// <summary>One step.</summary>
    [Benchmark]
    public void Step() => _optimizer.Step(_p, _g);
}
