namespace Descent.Training;

/// <summary>How long and on what batches to train; the only place these defaults are written.</summary>
public sealed record TrainingOptions
{
    /// <summary>The most epochs a run may ask for: each ends with a pass over the test split.</summary>
    public const int MaxEpochs = 10_000;

    /// <summary>The largest batch a run may ask for (a batch larger than the training split is the whole split).</summary>
    public const int MaxBatchSize = 1_000_000;

    /// <summary>
    /// The most gradient evaluations one optimizer's run may take, <see cref="GradientEvaluations"/>: epochs ×
    /// batches per epoch × the rule's look-ahead points. Every step is kept in the result, so this bounds its
    /// memory as well as the time.
    /// </summary>
    public const long MaxGradientEvaluations = 1_000_000;

    /// <summary>Passes over the training split, 1 to <see cref="MaxEpochs"/>.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step, 1 to <see cref="MaxBatchSize"/>; the last batch of an epoch may be smaller (as PyTorch's DataLoader without drop_last).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seeds the initial weights, the dropout masks and the batch order, identically for every optimizer.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Batch size used to evaluate the test split (does not change results, only memory).</summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>Steps per epoch over <paramref name="samples"/> training samples: the batches, the last one possibly smaller.</summary>
    public long BatchesPerEpoch(int samples) => samples <= 0 ? 0 : 1 + (samples - 1L) / Math.Max(1, BatchSize);

    /// <summary>
    /// Gradients a run over <paramref name="samples"/> training samples takes with a rule of <paramref name="points"/>
    /// look-ahead points (1 for a rule without them), in 64-bit arithmetic: at most <see cref="MaxGradientEvaluations"/>.
    /// </summary>
    public long GradientEvaluations(int samples, int points = 1)
    {
        double total = (double)Epochs * BatchesPerEpoch(samples) * Math.Max(1, points);
        return total >= long.MaxValue ? long.MaxValue : (long)total;
    }

    /// <summary>Problems with the values; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1) yield return $"epochs must be at least 1, got {Epochs}";
        if (Epochs > MaxEpochs) yield return $"epochs: {Epochs} is above the limit {MaxEpochs}";
        if (BatchSize < 1) yield return $"batch size must be at least 1, got {BatchSize}";
        if (BatchSize > MaxBatchSize) yield return $"batch size: {BatchSize} is above the limit {MaxBatchSize}";
        if (EvaluationBatchSize < 1) yield return $"evaluation batch size must be at least 1, got {EvaluationBatchSize}";
    }
}
