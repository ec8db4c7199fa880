using System.Text.Json.Serialization;

namespace Descent.Lab.Sweep;

/// <summary>One run of a sweep: which optimizer, cell and start or seed, and its <see cref="SweepOutcome"/>.</summary>
public sealed record SweepRow
{
    /// <summary>The row's index over the whole sweep (optimizer, then cell, then start or seed): what <c>--shard I/N</c> splits by.</summary>
    public required int Index { get; init; }

    /// <summary>The spec as typed, grids included (<see cref="SweepConfig.Optimizers"/>).</summary>
    public required string Optimizer { get; init; }

    /// <summary>The cell's concrete spec: runnable as it is in <c>descent trajectory</c> or <c>train</c>, with the same numbers.</summary>
    public required string Spec { get; init; }

    /// <summary>The index of the cell within its optimizer's grid.</summary>
    public required int Cell { get; init; }

    /// <summary>The value each grid of the optimizer took in this cell (<see cref="SweepOptimizer.Axes"/>).</summary>
    public IReadOnlyList<string> Values { get; init => field = [.. value]; } = [];

    /// <summary>The start's index on a landscape (0 is the function's own); 0 in training.</summary>
    public required int Start { get; init; }

    /// <summary>The start's x on a landscape; null in training.</summary>
    [JsonConverter(typeof(ExactNullableDoubleConverter))]
    public double? StartX { get; init; }

    /// <summary>The start's y on a landscape; null in training.</summary>
    [JsonConverter(typeof(ExactNullableDoubleConverter))]
    public double? StartY { get; init; }

    /// <summary>The training seed; null on a landscape.</summary>
    public ulong? Seed { get; init; }

    /// <summary>What the run gave.</summary>
    public required SweepOutcome Outcome { get; init; }
}
