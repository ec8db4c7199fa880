using System.Numerics;
using Descent.Kernels;
using Descent.Specs;

namespace Descent.Tests.Kernels;

/// <summary>
/// Every vector width must give the scalar reference's bits: all lengths 0..300, misaligned slices,
/// canaries around the buffers, special values at every position, and 50-step runs. Each optimizer is
/// given its width through its options, so these tests run in parallel with any other.
/// </summary>
public sealed class KernelWidthTests
{
    private static readonly VectorWidth[] Widths = [VectorWidth.V128, VectorWidth.V256, VectorWidth.V512];

    private static readonly double[] Specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

    public static TheoryData<string, string> Cases() => KernelCases.Rows();

    [Fact]
    public void KernelCases_CoverEveryCatalogOptimizer()
    {
        var covered = KernelCases.All().Select(c => OptimizerSpec.Parse(c.Spec).Name).Where(n => n != Descent.Rules.TypedRules.Unnamed).ToHashSet();
        // L-BFGS is not element-wise: its iteration runs dot products and a line search, no kernel.
        Assert.Equal(OptimizerCatalog.Names.Where(n => n != "lbfgs").OrderBy(n => n), covered.OrderBy(n => n));
        Assert.Equal(20, covered.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_AllLengthsEachWidth_MatchesScalarReference(string convention, string spec)
    {
        AllLengths<float>(convention, spec);
        AllLengths<double>(convention, spec);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_SpecialValuesAtEveryPosition_MatchScalarReference(string convention, string spec)
    {
        SpecialValues<float>(convention, spec);
        SpecialValues<double>(convention, spec);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Update_FiftySteps_MatchScalarReferenceAfterEveryStep(string convention, string spec)
    {
        FiftySteps<float>(convention, spec);
        FiftySteps<double>(convention, spec);
    }

    [Fact]
    public void Update_LargeBufferAcrossThreads_MatchesScalarReference()
    {
        var scalar = new KernelSettings { Width = VectorWidth.Scalar, MaxThreads = 1 };
        var parallel = new KernelSettings { ParallelThreshold = 1000, MaxThreads = 4 };
        foreach (var (convention, spec) in KernelCases.All())
        {
            var problem = Problem<float>.Random(10_007, seed: 3);
            var reference = problem.Run(OptimizerCatalog.Name(convention), spec, scalar, steps: 3);
            var result = problem.Run(OptimizerCatalog.Name(convention), spec, parallel, steps: 3);
            AssertSame(reference.Parameters, result.Parameters, spec);
        }
    }

    private static void AllLengths<T>(string convention, string spec) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n <= 300; n++)
        {
            var problem = Problem<T>.Random(n, seed: n);
            var reference = problem.Run(convention, spec, Pinned(VectorWidth.Scalar), steps: 3);
            foreach (var width in Widths)
            {
                var result = problem.Run(convention, spec, Pinned(width), steps: 3, offset: n % 4);
                AssertSame(reference.Parameters, result.Parameters, $"{spec} {typeof(T).Name} n={n} {width}");
                for (int b = 0; b < reference.State.Length; b++)
                    AssertSame(reference.State[b], result.State[b], $"{spec} state {b} n={n} {width}");
                Assert.True(result.CanariesIntact, $"{spec} {width} n={n}: a value outside the span changed");
            }
        }
    }

    private static void SpecialValues<T>(string convention, string spec) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int n = 37;
        foreach (double special in Specials)
        {
            for (int position = 0; position < n; position++)
            {
                foreach (bool inGradient in new[] { true, false })
                {
                    var problem = Problem<T>.Random(n, seed: position);
                    (inGradient ? problem.Offsets : problem.Start)[position] = T.CreateTruncating(special);
                    var reference = problem.Run(convention, spec, Pinned(VectorWidth.Scalar), steps: 2);
                    foreach (var width in Widths)
                    {
                        var result = problem.Run(convention, spec, Pinned(width), steps: 2, offset: 1);
                        AssertSame(reference.Parameters, result.Parameters, $"{spec} {special} at {position} {width}");
                    }
                }
            }
        }
    }

    private static void FiftySteps<T>(string convention, string spec) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var problem = Problem<T>.Random(133, seed: 50);
        var scalar = problem.Start.ToArray();
        var optimizers = Widths.Select(w => KernelCases.Create<T>(convention, spec, problem.Start.Length, Pinned(w))).ToArray();
        var reference = KernelCases.Create<T>(convention, spec, problem.Start.Length, Pinned(VectorWidth.Scalar));
        var vectors = Widths.Select(_ => problem.Start.ToArray()).ToArray();
        for (int step = 1; step <= 50; step++)
        {
            reference.Step(scalar, problem.Oracle);
            for (int w = 0; w < Widths.Length; w++)
            {
                optimizers[w].Step(vectors[w], problem.Oracle);
                AssertSame(scalar, vectors[w], $"{spec} step {step} {Widths[w]}");
            }
        }
    }

    /// <summary>The defaults with the register width pinned to <paramref name="width"/>.</summary>
    private static KernelSettings Pinned(VectorWidth width) => new() { Width = width };

    private static void AssertSame<T>(T[] expected, T[] actual, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (!KernelCases.Same(expected[i], actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]}, the scalar reference {expected[i]}");
    }

    /// <summary>A quadratic with random curvature and offset per element: gradient <c>c·q + d</c>.</summary>
    private sealed class Problem<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public required T[] Start { get; init; }
        public required T[] Curvature { get; init; }
        public required T[] Offsets { get; init; }

        public static Problem<T> Random(int n, int seed)
        {
            var r = new Random(seed);
            T Next(double scale) => T.CreateTruncating((r.NextDouble() - 0.5) * scale);
            return new Problem<T>
            {
                Start = [.. Enumerable.Range(0, n).Select(_ => Next(4))],
                Curvature = [.. Enumerable.Range(0, n).Select(_ => T.Abs(Next(2)))],
                Offsets = [.. Enumerable.Range(0, n).Select(_ => Next(2))],
            };
        }

        public void Oracle(ReadOnlySpan<T> q, Span<T> g)
        {
            for (int i = 0; i < q.Length; i++) g[i] = Curvature[i] * q[i] + Offsets[i];
        }

        public (T[] Parameters, T[][] State, bool CanariesIntact) Run(string convention, string spec, KernelSettings kernel, int steps, int offset = 0)
        {
            int n = Start.Length;
            const int pad = 9;
            T canary = T.CreateTruncating(12345.678);
            var buffer = Enumerable.Repeat(canary, n + offset + pad).ToArray();
            Start.CopyTo(buffer, offset);
            var optimizer = KernelCases.Create<T>(convention, spec, n, kernel);
            for (int s = 0; s < steps; s++) optimizer.Step(buffer.AsSpan(offset, n), Oracle);
            bool intact = buffer.Take(offset).Concat(buffer.Skip(offset + n)).All(v => KernelCases.Same(v, canary));
            var state = optimizer.StateNames.Select(name => optimizer.State(name).ToArray()).ToArray();
            return (buffer.AsSpan(offset, n).ToArray(), state, intact);
        }
    }
}
