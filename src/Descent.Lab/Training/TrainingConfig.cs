using Descent.Training;

namespace Descent.Lab.Training;

/// <summary>
/// What a training run computes: a model trained on a dataset by each optimizer in turn, every one from the
/// same initial weights on the same batches in the same order (a fair race). The same fields as
/// <c>descent train</c>'s options; unset fields take <see cref="TrainingOptions"/>' defaults.
/// </summary>
public sealed record TrainingConfig
{
    private static readonly TrainingOptions Defaults = new();

    /// <summary>A bundled dataset (<c>digits</c>, <c>mnist</c>) or a directory of IDX files (<c>--dataset</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary><c>logreg</c>, <c>mlp</c> or <c>cnn</c> (<c>--model</c>).</summary>
    public string Model { get; init; } = "mlp";

    /// <summary>Hidden layer widths of <c>mlp</c> (<c>--hidden 1000,1000</c>); null takes the model's default (256, 256).</summary>
    public IReadOnlyList<int>? Hidden { get; init => field = value is null ? null : [.. value]; }

    /// <summary>One spec per optimizer (<c>adam(lr=0.001)</c>), kept exactly as written (<c>--optimizer</c>).</summary>
    public IReadOnlyList<string> Optimizers { get; init => field = [.. value]; } = [];

    /// <summary>Whose formulas and defaults the specs mean (<c>--convention</c>); PyTorch's unless set.</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>Passes over the training split (<c>--epochs</c>).</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Samples per step (<c>--batch-size</c>); the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Seeds the initial weights, dropout and the batch order, the same for every optimizer (<c>--seed</c>).</summary>
    public ulong Seed { get; init; } = Defaults.Seed;
}
