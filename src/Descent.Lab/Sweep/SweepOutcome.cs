using System.Text.Json.Serialization;

namespace Descent.Lab.Sweep;

/// <summary>What one run of one cell gave: the numbers a sweep keeps of it (the path itself is not recorded).</summary>
public sealed record SweepOutcome
{
    /// <summary>The loss at the last step, or at the last point inside the bounds before a divergence: <c>descent trajectory</c>'s final loss.</summary>
    [JsonConverter(typeof(ExactDoubleConverter))]
    public required double FinalLoss { get; init; }

    /// <summary>The lowest loss of the run (up to that last point).</summary>
    [JsonConverter(typeof(ExactDoubleConverter))]
    public required double BestLoss { get; init; }

    /// <summary>The first step (landscape) or epoch (training) whose loss is at or below the target; null when none is, or there is no target.</summary>
    public int? StepsToTarget { get; init; }

    /// <summary>The step or epoch of <see cref="FinalLoss"/>.</summary>
    public required int FinalStep { get; init; }

    /// <summary>Whether the run left the finite numbers or the bounds.</summary>
    public required bool Diverged { get; init; }
}
