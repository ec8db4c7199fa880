using System.Text.Json.Serialization;

namespace Descent.Lab.Sweep;

/// <summary>
/// A sweep's results: the config, each optimizer's grids, one row per run in index order, and one summary per
/// optimizer. The same for every thread count, and for a merge of shards (<see cref="SweepMerge"/>).
/// </summary>
public sealed record SweepResult
{
    /// <summary>What was asked.</summary>
    public required SweepConfig Config { get; init; }

    /// <summary>The version of Descent that computed it.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The problem: the function's name or formula, or <c>dataset/model</c>.</summary>
    public required string Problem { get; init; }

    /// <summary>Steps (landscape) or epochs (training) each run was given.</summary>
    public required int Steps { get; init; }

    /// <summary>Each optimizer with its grids, in the config's order.</summary>
    public IReadOnlyList<SweepOptimizer> Optimizers { get; init => field = [.. value]; } = [];

    /// <summary>Every run, by <see cref="SweepRow.Index"/>.</summary>
    public IReadOnlyList<SweepRow> Rows { get; init => field = [.. value]; } = [];

    /// <summary>One summary per optimizer, in the config's order.</summary>
    public IReadOnlyList<SweepSummary> Summaries { get; init => field = [.. value]; } = [];

    /// <summary>Optimizer steps this process computed (runs found in the cache excluded): the speed figure's numerator. Not part of the data files.</summary>
    [JsonIgnore]
    public long ComputedSteps { get; init; }

    /// <summary>Runs this process computed.</summary>
    [JsonIgnore]
    public int ComputedRuns { get; init; }

    /// <summary>Runs found in the cache.</summary>
    [JsonIgnore]
    public int CachedRuns { get; init; }

    /// <summary>Wall-clock seconds of the computing part. Not part of the data files.</summary>
    [JsonIgnore]
    public double ComputeSeconds { get; init; }

    /// <summary>Processor seconds the computing part used, all threads together: a speed figure that a busy machine does not distort. Not part of the data files.</summary>
    [JsonIgnore]
    public double ComputeCpuSeconds { get; init; }

    /// <summary>Threads the cells ran on.</summary>
    [JsonIgnore]
    public int Threads { get; init; }
}
