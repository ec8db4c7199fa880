namespace Descent.Lab.Bench;

/// <summary>
/// What <c>descent bench</c> measures: optimizer specs (the convention's defaults fill the rest), the
/// number of parameters, the precision and the thread cap. <see cref="Width"/> pins a register width
/// (the default picks the widest the machine accelerates).
/// </summary>
public sealed record BenchConfig(IReadOnlyList<string> Optimizers, long Params, string Precision, int Threads)
{
    /// <summary>The convention the specs are read in.</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>Register width; <see cref="Kernels.VectorWidth.Auto"/> by default.</summary>
    public Kernels.VectorWidth Width { get; init; } = Kernels.VectorWidth.Auto;

    /// <summary>Minimum measured time per optimizer, in seconds (more steps for small buffers).</summary>
    public double MinSeconds { get; init; } = 1.0;

    /// <summary>
    /// The optimizers benchmarked by default: every registered rule that steps without a gradient oracle or a loss
    /// (lbfgs) in the pytorch convention (a user's registered rule included).
    /// </summary>
    public static IReadOnlyList<string> DefaultOptimizers =>
        [.. Specs.OptimizerCatalog.Entries
            .Where(e => e.Defaults(Convention.PyTorch).Create<float>(0) is { NeedsOracle: false, NeedsLoss: false })
            .Select(e => e.Name)];

    /// <summary>
    /// The optimizers benchmarked by default under <paramref name="convention"/>: every registered rule with a formula
    /// there (<c>keras</c> has fewer) that steps without a gradient oracle under it.
    /// </summary>
    public static IReadOnlyList<string> DefaultOptimizersFor(Convention convention) =>
        [.. Specs.OptimizerCatalog.Entries
            .Where(e => e.Has(convention) && !e.Defaults(convention).Create<float>(0).NeedsOracle)
            .Select(e => e.Name)];
}
