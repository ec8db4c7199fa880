namespace Descent.Lab.Sweep;

/// <summary>The training side of a sweep: the dataset and model loaded once, one training run per cell and seed.</summary>
internal sealed class SweepTraining
{
    internal static SweepPlan Plan(SweepConfig config, List<PlannedOptimizer> optimizers, long runs) =>
        throw new LabInputException("dataset", "training sweeps are not built yet; use --function.");

    internal SweepOutcome Run(OptimizerOptions options, ulong seed, CancellationToken cancellation) => throw new NotSupportedException();
}
