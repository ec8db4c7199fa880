using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Descent.Tensors;

namespace Descent.Benchmarks;

/// <summary>
/// Descent's GEMM (<see cref="Gemm.Multiply(ReadOnlySpan{float}, bool, ReadOnlySpan{float}, bool, Span{float}, int, int, int, bool, int)"/>)
/// beside a naive triple loop, on the products the models compute for a batch of 128: each dense layer's
/// forward <c>X·W</c>, weight gradient <c>Xᵀ·dY</c> and input gradient <c>dY·Wᵀ</c>. One product is
/// <c>2·m·n·k</c> floating-point operations; the <c>GFLOP/s</c> column divides that by the mean time.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project benchmarks/Descent.Benchmarks -- --filter '*GemmBenchmarks*'</c>
/// (add <c>--job short</c> for a quick look). Compare with OpenBLAS on the same machine, e.g.
/// <c>python3 -c "import numpy as np, timeit; a=np.random.rand(128,784).astype('f'); b=np.random.rand(784,256).astype('f'); print(2*128*784*256/min(timeit.repeat(lambda: a@b, number=200, repeat=5))*200/1e9)"</c>.
/// </remarks>
[Config(typeof(GflopsConfig))]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];

    /// <summary>The product to time.</summary>
    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = Shapes[0];

    /// <summary>
    /// The layer products of <c>mlp</c> 784-256-256-10 (the speed benchmark) and the Adam paper's 784-1000-1000-10, batch 128:
    /// <c>fwd a-b</c> is X[128×a]·W[a×b]; <c>dW a-b</c> is Xᵀ[a×128]·dY[128×b]; <c>dX a-b</c> is dY[128×b]·Wᵀ[b×a].
    /// <c>cube 512</c> is a square product for comparison with BLAS figures; <c>cnn conv…</c> are the per-chunk products of
    /// the <c>cnn</c> model's convolutions (Conv2D unrolls a chunk of 9 or 4 samples: W·col, ∂Y·colᵀ, Wᵀ·∂Y).
    /// </summary>
    public static GemmShape[] Shapes { get; } =
    [
        new("fwd 784-256", 128, 256, 784, false, false),
        new("dW 784-256", 784, 256, 128, true, false),
        new("dX 784-256", 128, 784, 256, false, true),
        new("fwd 256-256", 128, 256, 256, false, false),
        new("fwd 784-1000", 128, 1000, 784, false, false),
        new("fwd 1000-1000", 128, 1000, 1000, false, false),
        new("dW 1000-1000", 1000, 1000, 128, true, false),
        new("dX 1000-1000", 128, 1000, 1000, false, true),
        new("cube 512", 512, 512, 512, false, false),
        new("cnn conv1 fwd", 8, 9 * 784, 9, false, false),
        new("cnn conv2 fwd", 16, 4 * 196, 72, false, false),
        new("cnn conv2 dW", 16, 72, 4 * 196, false, true),
        new("cnn conv2 dX", 72, 4 * 196, 16, true, false),
    ];

    /// <summary>Fills the operands with reproducible values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = [.. Enumerable.Range(0, Shape.M * Shape.K).Select(_ => (float)random.NextDouble() - 0.5f)];
        _b = [.. Enumerable.Range(0, Shape.K * Shape.N).Select(_ => (float)random.NextDouble() - 0.5f)];
        _c = new float[Shape.M * Shape.N];
    }

    /// <summary>Descent's GEMM on one thread.</summary>
    [Benchmark]
    public void DescentOneThread() => Gemm.Multiply(_a, Shape.TransposeA, _b, Shape.TransposeB, _c, Shape.M, Shape.N, Shape.K, maxThreads: 1);

    /// <summary>Descent's GEMM on every core.</summary>
    [Benchmark]
    public void DescentAllThreads() => Gemm.Multiply(_a, Shape.TransposeA, _b, Shape.TransposeB, _c, Shape.M, Shape.N, Shape.K);

    /// <summary>The textbook loop (i, p, j order so the inner loop runs along rows; the JIT may vectorize nothing), one thread.</summary>
    [Benchmark(Baseline = true)]
    public void Naive()
    {
        int m = Shape.M, n = Shape.N, k = Shape.K;
        bool ta = Shape.TransposeA, tb = Shape.TransposeB;
        float[] a = _a, b = _b, c = _c;
        Array.Clear(c);
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                float aip = ta ? a[p * m + i] : a[i * k + p];
                for (int j = 0; j < n; j++)
                    c[i * n + j] += aip * (tb ? b[j * k + p] : b[p * n + j]);
            }
    }

    /// <summary>Adds the GFLOP/s column.</summary>
    private sealed class GflopsConfig : ManualConfig
    {
        public GflopsConfig() => AddColumn(new GflopsColumn());
    }

    /// <summary><c>2·m·n·k</c> divided by the mean time of a run.</summary>
    private sealed class GflopsColumn : IColumn
    {
        public string Id => "GFLOPS";
        public string ColumnName => "GFLOP/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "billions of floating-point operations per second: 2·m·n·k / mean";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            if (stats is null || benchmarkCase.Parameters["Shape"] is not GemmShape shape) return "-";
            return (shape.Flops / stats.Mean).ToString("F1", CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>One product <c>C[m×n] = op(A)[m×k]·op(B)[k×n]</c> with a name saying which layer and pass it is.</summary>
public sealed record GemmShape(string Name, int M, int N, int K, bool TransposeA, bool TransposeB)
{
    /// <summary>Floating-point operations of one product: a multiply and an add per term.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <inheritdoc/>
    /// <remarks>Kept short: BenchmarkDotNet cuts parameter values past 20 characters.</remarks>
    public override string ToString() => Name;
}
