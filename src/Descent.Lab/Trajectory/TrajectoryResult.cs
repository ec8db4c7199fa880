using System.Text.Json.Serialization;
using Descent.Functions;

namespace Descent.Lab.Trajectory;

/// <summary>
/// The outcome of a <see cref="TrajectoryConfig"/>: every path with the function it ran on, the config and
/// the tool version that produced it, so that it can be redrawn without recomputing.
/// Written and read with <see cref="IO.LabJson"/>; exported with <see cref="TrajectoryCsv"/>.
/// </summary>
public sealed record TrajectoryResult
{
    /// <summary>The config as given (spec texts untouched, start and steps possibly null).</summary>
    public required TrajectoryConfig Config { get; init; }

    /// <summary>The version of Descent that computed it (<see cref="Lab.ToolVersion.Current"/>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The function's catalog name (<c>hills-and-canyon</c>), or the formula for a typed one.</summary>
    public required string Function { get; init; }

    /// <summary>The formula the run evaluated (<see cref="FormulaSyntax"/>).</summary>
    public required string Formula { get; init; }

    /// <summary>The rectangle to draw the function on.</summary>
    public required Domain Domain { get; init; }

    /// <summary>Known minima of the function, global first; empty when none are known.</summary>
    public IReadOnlyList<KnownMinimum> Minima { get; init => field = [.. value]; } = [];

    /// <summary>The start every path took (the config's, or the function's own).</summary>
    public required Point2 Start { get; init; }

    /// <summary>The steps each path was given (a diverged path stops earlier).</summary>
    public required int Steps { get; init; }

    /// <summary>One path per optimizer, in the config's order.</summary>
    public IReadOnlyList<TrajectoryPath> Paths { get; init => field = [.. value]; } = [];

    /// <summary>One line per path: where it ended, how far from a minimum, whether it diverged.</summary>
    [JsonIgnore]
    public IEnumerable<TrajectorySummary> Summaries => Paths.Select(p => p.Summary);
}
