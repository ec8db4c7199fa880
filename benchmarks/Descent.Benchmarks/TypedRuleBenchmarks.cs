using BenchmarkDotNet.Attributes;
using Descent.Specs;

namespace Descent.Benchmarks;

/// <summary>
/// A typed rule's compiled kernel against the built-in fused kernel it reproduces: Adam on 100M float
/// parameters, memory-bound (28 bytes per parameter per step). The goal: the typed Adam at least 70%
/// of the built-in's throughput. Run: <c>-- --filter '*TypedRule*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TypedRuleBenchmarks
{
    /// <summary>The typed Adam in PyTorch's order (the built-in's bits).</summary>
    public const string TypedAdam =
        "rule(m = fma(g, 1-b1, m*b1); v = fma((1-b2)*g, g, v*b2); p = p - lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps) | lr=0.001, b1=0.9, b2=0.999, eps=1e-8)";

    /// <summary>The typed Adam as the issue writes it (unfused moments).</summary>
    public const string TypedAdamAsWritten =
        "rule(m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; p = p - lr/(1-b1^t) * (m/(sqrt(v)/sqrt(1-b2^t) + eps)) | lr=0.001, b1=0.9, b2=0.999, eps=1e-8)";

    private float[] _p = [], _g = [];
    private Optimizer<float> _builtIn = null!, _typed = null!, _written = null!;

    /// <summary>Parameters.</summary>
    [Params(100_000_000)]
    public int N { get; set; }

    /// <summary>Allocates buffers and the three optimizers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _p = new float[N];
        _g = new float[N];
        for (int i = 0; i < N; i++)
        {
            _p[i] = (float)random.NextDouble();
            _g[i] = (float)(random.NextDouble() - 0.5);
        }
        _builtIn = OptimizerCatalog.Resolve("adam(lr=0.001)", Convention.PyTorch).Create<float>(N);
        _typed = OptimizerCatalog.Resolve(TypedAdam, Convention.PyTorch).Create<float>(N);
        _written = OptimizerCatalog.Resolve(TypedAdamAsWritten, Convention.PyTorch).Create<float>(N);
    }

    /// <summary>The built-in fused Adam.</summary>
    [Benchmark(Baseline = true)]
    public void BuiltInAdam() => _builtIn.Step(_p, _g);

    /// <summary>The typed Adam in PyTorch's order.</summary>
    [Benchmark]
    public void TypedAdamFused() => _typed.Step(_p, _g);

    /// <summary>The typed Adam as written in the issue.</summary>
    [Benchmark]
    public void TypedAdamUnfused() => _written.Step(_p, _g);
}
