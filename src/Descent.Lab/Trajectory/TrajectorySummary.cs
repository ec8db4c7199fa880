using System.Globalization;

namespace Descent.Lab.Trajectory;

/// <summary>
/// Where a path ended, in one line: the last point it reached inside the finite numbers and the
/// bounds, the loss there, how far that is from the nearest known minimum, and whether it diverged.
/// </summary>
public sealed record TrajectorySummary
{
    /// <summary>The spec exactly as given.</summary>
    public required string Optimizer { get; init; }

    /// <summary>The step of <see cref="FinalX"/>, <see cref="FinalY"/>: the last step, or the one before the divergence.</summary>
    public required int FinalStep { get; init; }

    /// <summary>The x of the last finite, in-bounds point.</summary>
    public required double FinalX { get; init; }

    /// <summary>The y of the last finite, in-bounds point.</summary>
    public required double FinalY { get; init; }

    /// <summary>The loss there.</summary>
    public required double FinalLoss { get; init; }

    /// <summary>The Euclidean distance from there to the nearest known minimum; null when the function lists none.</summary>
    public double? DistanceToMinimum { get; init; }

    /// <summary>The index of that minimum in <see cref="TrajectoryResult.Minima"/>; null when none is listed.</summary>
    public int? NearestMinimum { get; init; }

    /// <summary>The step at which the path left the finite numbers or the bounds; null when it did not.</summary>
    public int? DivergedAtStep { get; init; }

    /// <summary>True when the path diverged.</summary>
    public bool Diverged => DivergedAtStep is not null;

    /// <summary>
    /// One line for a console: <c>adam(lr=0.25): (0.0012, -0.0031) loss 1.1e-05 after 125 steps, 0.0033 from the nearest minimum</c>;
    /// a diverged path says at which step.
    /// </summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string where = string.Format(c, "({0:G6}, {1:G6}) loss {2:G6}", FinalX, FinalY, FinalLoss);
        string distance = DistanceToMinimum is double d ? string.Format(c, ", {0:G4} from the nearest minimum", d) : "";
        return DivergedAtStep is int k
            ? string.Format(c, "{0}: diverged at step {1}; last finite point {2} at step {3}{4}", Optimizer, k, where, FinalStep, distance)
            : string.Format(c, "{0}: {1} after {2} steps{3}", Optimizer, where, FinalStep, distance);
    }
}
