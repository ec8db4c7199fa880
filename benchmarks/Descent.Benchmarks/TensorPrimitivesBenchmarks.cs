using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Descent.Kernels;
using Descent.Specs;

namespace Descent.Benchmarks;

/// <summary>
/// Descent's fused step beside the same rule composed from <see cref="TensorPrimitives"/> calls, one
/// pass over memory per operation, the way <c>torch.optim</c>'s foreach path is built.
/// </summary>
[MemoryDiagnoser]
public class TensorPrimitivesBenchmarks
{
    private float[] _p = [], _g = [], _m = [], _v = [], _t1 = [], _t2 = [];
    private int _t;
    private Optimizer<float> _fused = null!;

    /// <summary>The rule: those with a composed counterpart below, named one by one.</summary>
    [Params("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam")]
    public string Rule { get; set; } = "adam";

    /// <summary>Parameters.</summary>
    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Allocates buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _p = [.. Enumerable.Range(0, N).Select(_ => (float)random.NextDouble())];
        _g = [.. Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() - 0.5))];
        _m = new float[N];
        _v = new float[N];
        _t1 = new float[N];
        _t2 = new float[N];
        _fused = (OptimizerCatalog.Resolve(Rule == "momentum" ? "momentum(lr=0.01)" : Rule, Convention.PyTorch)
            with { Kernel = new KernelSettings { MaxThreads = 1 } }).Create<float>(N);
    }

    /// <summary>Descent's fused kernel.</summary>
    [Benchmark(Baseline = true)]
    public void Fused() => _fused.Step(_p, _g);

    /// <summary>
    /// The same rule as a sequence of TensorPrimitives passes (the constants are the PyTorch defaults; the point is the
    /// memory traffic of one pass per operation, not the numbers).
    /// </summary>
    [Benchmark]
    public void Composed()
    {
        _t++;
        switch (Rule)
        {
            case "sgd":
                TensorPrimitives.MultiplyAdd(_g, -1e-3f, _p, _p);
                break;
            case "momentum":
                TensorPrimitives.MultiplyAdd(_m, 0.9f, _g, _m);
                TensorPrimitives.MultiplyAdd(_m, -0.01f, _p, _p);
                break;
            case "adagrad":
                TensorPrimitives.MultiplyAdd(_g, _g, _v, _v);
                TensorPrimitives.Sqrt(_v, _t1);
                TensorPrimitives.Add(_t1, 1e-10f, _t1);
                TensorPrimitives.Divide(_g, _t1, _t1);
                TensorPrimitives.MultiplyAdd(_t1, -1e-2f, _p, _p);
                break;
            case "rmsprop":
                TensorPrimitives.Multiply(_v, 0.99f, _v);
                TensorPrimitives.Multiply(_g, _g, _t1);
                TensorPrimitives.MultiplyAdd(_t1, 0.01f, _v, _v);
                TensorPrimitives.Sqrt(_v, _t1);
                TensorPrimitives.Add(_t1, 1e-8f, _t1);
                TensorPrimitives.Divide(_g, _t1, _t1);
                TensorPrimitives.MultiplyAdd(_t1, -1e-2f, _p, _p);
                break;
            case "adadelta":
                // E = ρE + (1−ρ)g² ; d = √(D+ε)/√(E+ε)·g ; D = ρD + (1−ρ)d² ; p −= lr·d   (m holds D, v holds E)
                TensorPrimitives.Multiply(_v, 0.9f, _v);
                TensorPrimitives.Multiply(_g, _g, _t1);
                TensorPrimitives.MultiplyAdd(_t1, 0.1f, _v, _v);
                TensorPrimitives.Add(_v, 1e-6f, _t1);
                TensorPrimitives.Sqrt(_t1, _t1);
                TensorPrimitives.Add(_m, 1e-6f, _t2);
                TensorPrimitives.Sqrt(_t2, _t2);
                TensorPrimitives.Divide(_t2, _t1, _t2);
                TensorPrimitives.Multiply(_t2, _g, _t2);
                TensorPrimitives.Multiply(_m, 0.9f, _m);
                TensorPrimitives.Multiply(_t2, _t2, _t1);
                TensorPrimitives.MultiplyAdd(_t1, 0.1f, _m, _m);
                TensorPrimitives.MultiplyAdd(_t2, -1f, _p, _p);
                break;
            case "adamax":
                // m = β1m + (1−β1)g ; u = max(β2u, |g| + ε) ; p −= lr/(1−β1^t)·m/u   (v holds u)
                TensorPrimitives.Multiply(_m, 0.9f, _m);
                TensorPrimitives.MultiplyAdd(_g, 0.1f, _m, _m);
                TensorPrimitives.Multiply(_v, 0.999f, _v);
                TensorPrimitives.Abs(_g, _t1);
                TensorPrimitives.Add(_t1, 1e-8f, _t1);
                TensorPrimitives.Max(_v, _t1, _v);
                TensorPrimitives.Divide(_m, _v, _t1);
                TensorPrimitives.MultiplyAdd(_t1, -2e-3f / (1 - MathF.Pow(0.9f, _t)), _p, _p);
                break;
            case "adamw":
                TensorPrimitives.Multiply(_p, 1 - 1e-3f * 1e-2f, _p);
                goto default;
            case "nadam":
                // Two addcdiv passes as PyTorch: one for the gradient, one for the momentum.
                TensorPrimitives.Multiply(_m, 0.9f, _m);
                TensorPrimitives.MultiplyAdd(_g, 0.1f, _m, _m);
                TensorPrimitives.Multiply(_v, 0.999f, _v);
                TensorPrimitives.Multiply(_g, _g, _t1);
                TensorPrimitives.MultiplyAdd(_t1, 1e-3f, _v, _v);
                TensorPrimitives.Multiply(_v, 1 / (1 - MathF.Pow(0.999f, _t)), _t2);
                TensorPrimitives.Sqrt(_t2, _t2);
                TensorPrimitives.Add(_t2, 1e-8f, _t2);
                TensorPrimitives.Divide(_g, _t2, _t1);
                TensorPrimitives.MultiplyAdd(_t1, -1e-4f, _p, _p);
                TensorPrimitives.Divide(_m, _t2, _t1);
                TensorPrimitives.MultiplyAdd(_t1, -1e-3f, _p, _p);
                break;
            case "radam":
                TensorPrimitives.Multiply(_m, 0.9f, _m);
                TensorPrimitives.MultiplyAdd(_g, 0.1f, _m, _m);
                TensorPrimitives.Multiply(_v, 0.999f, _v);
                TensorPrimitives.Multiply(_g, _g, _t1);
                TensorPrimitives.MultiplyAdd(_t1, 1e-3f, _v, _v);
                TensorPrimitives.Sqrt(_v, _t2);
                TensorPrimitives.Add(_t2, 1e-8f, _t2);
                TensorPrimitives.Divide(_m, _t2, _t1);
                TensorPrimitives.MultiplyAdd(_t1, -1e-3f, _p, _p);
                break;
            default:
                TensorPrimitives.Multiply(_m, 0.9f, _m);
                TensorPrimitives.MultiplyAdd(_g, 0.1f, _m, _m);
                TensorPrimitives.Multiply(_v, 0.999f, _v);
                TensorPrimitives.Multiply(_g, _g, _t1);
                TensorPrimitives.MultiplyAdd(_t1, 1e-3f, _v, _v);
                TensorPrimitives.Sqrt(_v, _t2);
                TensorPrimitives.Multiply(_t2, 1 / MathF.Sqrt(1e-3f), _t2);
                TensorPrimitives.Add(_t2, 1e-8f, _t2);
                TensorPrimitives.Divide(_m, _t2, _t2);
                TensorPrimitives.MultiplyAdd(_t2, -1e-2f, _p, _p);
                break;
        }
    }
}
