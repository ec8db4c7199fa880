using BenchmarkDotNet.Attributes;
using Descent.Optimizers;

namespace Descent.Benchmarks;

/// <summary>
/// A whole <c>Step()</c> through the optimizer with several parameter groups (as a network's layers with
/// their own learning rates), including the fixed per-step overhead that dominates small models.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private float[] _p = [], _g = [];
    private Adam<float> _adam = null!;
    private Sgd<float> _sgd = null!;

    /// <summary>Parameters.</summary>
    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Parameter groups the buffer is split into.</summary>
    [Params(1, 4)]
    public int Groups { get; set; }

    /// <summary>Allocates buffers and optimizers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _p = [.. Enumerable.Range(0, N).Select(_ => (float)random.NextDouble())];
        _g = [.. Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() - 0.5))];
        int size = N / Groups;
        var adamGroups = Enumerable.Range(0, Groups).Select(i => new Descent.ParameterGroup<AdamOptions>(i * size, i == Groups - 1 ? N - i * size : size, new AdamOptions { LearningRate = 1e-3 / (i + 1) })).ToArray();
        var sgdGroups = Enumerable.Range(0, Groups).Select(i => new Descent.ParameterGroup<SgdOptions>(i * size, i == Groups - 1 ? N - i * size : size, new SgdOptions { LearningRate = 1e-2 / (i + 1), Momentum = 0.9 })).ToArray();
        _adam = new Adam<float>(N, adamGroups);
        _sgd = new Sgd<float>(N, sgdGroups);
    }

    /// <summary>Adam over every group.</summary>
    [Benchmark]
    public void Adam() => _adam.Step(_p, _g);

    /// <summary>SGD with momentum over every group.</summary>
    [Benchmark]
    public void SgdMomentum() => _sgd.Step(_p, _g);
}
