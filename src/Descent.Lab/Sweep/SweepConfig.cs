namespace Descent.Lab.Sweep;

/// <summary>
/// What a sweep computes: optimizer specs with grids (<see cref="SpecGrid"/>), each cell run on a landscape from several
/// starts (<see cref="Function"/>) or trained on a dataset with several seeds (<see cref="Dataset"/>). The same fields
/// as <c>descent sweep</c>'s options; how the work is spread (threads, shards, the cache) is not part of it
/// (<see cref="SweepRunOptions"/>), so every shard of a sweep has the same config.
/// </summary>
public sealed record SweepConfig
{
    /// <summary>A built-in function's name or a formula in x and y (<c>--function</c>); null for a training sweep.</summary>
    public string? Function { get; init; }

    /// <summary>A bundled dataset or a directory of IDX files (<c>--dataset</c>); null for a landscape sweep.</summary>
    public string? Dataset { get; init; }

    /// <summary>The model a training sweep trains (<c>--model</c>): <c>logreg</c>, <c>mlp</c> or <c>cnn</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Hidden layer widths of <c>mlp</c>; null for the model's default.</summary>
    public IReadOnlyList<int>? Hidden { get; init => field = value is null ? null : [.. value]; }

    /// <summary>The specs exactly as typed, grids included (<c>--optimizer</c>).</summary>
    public IReadOnlyList<string> Optimizers { get; init => field = [.. value]; } = [];

    /// <summary>Whose formulas and defaults the specs mean (<c>--convention</c>).</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>Steps per landscape run (<c>--steps</c>); null for <see cref="SweepExperiment.DefaultSteps"/>.</summary>
    public int? Steps { get; init; }

    /// <summary>Epochs per training run (<c>--epochs</c>); null for <see cref="SweepExperiment.DefaultEpochs"/>.</summary>
    public int? Epochs { get; init; }

    /// <summary>Samples per training step (<c>--batch-size</c>); null for the training default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Starts per cell on a landscape (<c>--starts</c>): the function's own, then uniform draws in its domain.</summary>
    public int Starts { get; init; } = 1;

    /// <summary>Seeds per cell in training (<c>--seeds</c>): 1, 2, … K, each seeding the initial weights and the batch order.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>The loss a run must reach to count as a success (<c>--target</c>); null for none.</summary>
    public double? Target { get; init; }
}
