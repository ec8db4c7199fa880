namespace Descent.Training;

/// <summary>How long and on what batches to train; the only place these defaults are written.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training split.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step; the last batch of an epoch may be smaller (as PyTorch's DataLoader without drop_last).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seeds the initial weights, the dropout masks and the batch order, identically for every optimizer.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Batch size used to evaluate the test split (does not change results, only memory).</summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>Problems with the values; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1) yield return $"epochs must be at least 1, got {Epochs}";
        if (BatchSize < 1) yield return $"batch size must be at least 1, got {BatchSize}";
        if (EvaluationBatchSize < 1) yield return $"evaluation batch size must be at least 1, got {EvaluationBatchSize}";
    }
}
