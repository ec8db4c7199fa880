namespace Descent.Lab.Sweep;

/// <summary>
/// How forgiving one optimizer was: its best cell, the share of runs that reached the target, and the width of its
/// good learning-rate band (<see cref="SweepSummaries"/> says how each is computed).
/// </summary>
public sealed record SweepSummary
{
    /// <summary>The spec as typed.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Cells × starts (or seeds).</summary>
    public required int Runs { get; init; }

    /// <summary>The concrete spec of the cell with the lowest median final loss over its starts or seeds.</summary>
    public required string BestSpec { get; init; }

    /// <summary>That median (a diverged run counts as +∞).</summary>
    public required double BestMedianLoss { get; init; }

    /// <summary>Runs that reached the target; null without a target.</summary>
    public int? ReachedTarget { get; init; }

    /// <summary><see cref="ReachedTarget"/> over <see cref="Runs"/>; null without a target.</summary>
    public double? ReachedShare { get; init; }

    /// <summary>The smallest learning rate of the good band; null when the optimizer has no <c>lr</c> grid.</summary>
    public double? GoodLrLow { get; init; }

    /// <summary>The largest learning rate of the good band; null when the optimizer has no <c>lr</c> grid.</summary>
    public double? GoodLrHigh { get; init; }

    /// <summary>log10(<see cref="GoodLrHigh"/> / <see cref="GoodLrLow"/>): 0 when only the best grid value is good; null without an <c>lr</c> grid.</summary>
    public double? GoodLrDecades { get; init; }
}
