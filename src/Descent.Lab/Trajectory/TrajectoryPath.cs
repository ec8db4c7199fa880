using System.Text.Json.Serialization;

namespace Descent.Lab.Trajectory;

/// <summary>
/// One optimizer's path: per point (index 0 is the start, index <c>k</c> the point after step <c>k</c>)
/// the coordinates, the loss, the function's gradient there and the optimizer's state buffers.
/// </summary>
/// <remarks>
/// A path that diverges stops at <see cref="DivergedAtStep"/>: its last point is the first one that left
/// — non-finite, beyond <see cref="TrajectoryExperiment.Bound"/> in |x| or |y|, or with a non-finite loss —
/// and is kept as computed (NaN, infinities, huge values), so a figure should draw the first
/// <see cref="DrawableCount"/> points. The gradient is always the function's at the point; look-ahead
/// rules also evaluate it elsewhere, and those evaluations are not recorded.
/// </remarks>
public sealed record TrajectoryPath
{
    /// <summary>The spec exactly as given in the config (the legend and the CSV's <c>optimizer</c> column).</summary>
    public required string Optimizer { get; init; }

    /// <summary>The spec with every key of the convention and its value: what the run actually used.</summary>
    public required string Resolved { get; init; }

    /// <summary>The x coordinate of each point.</summary>
    public IReadOnlyList<double> X { get; init => field = [.. value]; } = [];

    /// <summary>The y coordinate of each point.</summary>
    public IReadOnlyList<double> Y { get; init => field = [.. value]; } = [];

    /// <summary>The function's value at each point.</summary>
    public IReadOnlyList<double> Loss { get; init => field = [.. value]; } = [];

    /// <summary>∂f/∂x at each point.</summary>
    public IReadOnlyList<double> GradientX { get; init => field = [.. value]; } = [];

    /// <summary>∂f/∂y at each point.</summary>
    public IReadOnlyList<double> GradientY { get; init => field = [.. value]; } = [];

    /// <summary>Every state buffer of the optimizer, in its storage order (empty for plain SGD).</summary>
    public IReadOnlyList<TrajectoryState> State { get; init => field = [.. value]; } = [];

    /// <summary>
    /// The learning rate of each step (index <c>k</c> is step <c>k + 1</c>, the step from point <c>k</c> to point
    /// <c>k + 1</c>), as the optimizer's schedule set it for parameter group 0; recorded when some optimizer of the
    /// run has a schedule, else null. It holds one entry per step taken (<see cref="Count"/> − 1).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? LearningRates { get; init => field = value is null ? null : [.. value]; }

    /// <summary>
    /// The gradient evaluations of each step (index <c>k</c> is step <c>k + 1</c>): 1 for a rule that takes the gradient
    /// where it stands, its look-ahead points, or L-BFGS's closure calls (its iterations and line search). Recorded when
    /// some optimizer of the run can take other than one per step, else null: the x axis of a fair race.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Evaluations { get; init => field = value is null ? null : [.. value]; }

    /// <summary>Scalar state along the path (L-BFGS's <c>history</c> length); null for a rule that keeps none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrajectoryCounter>? Counters { get; init => field = value is null ? null : [.. value]; }

    /// <summary>The step at which the path left the finite numbers or the bounds (its last point); null when it did not.</summary>
    public int? DivergedAtStep { get; init; }

    /// <summary>Where the path ended, in one line.</summary>
    public required TrajectorySummary Summary { get; init; }

    /// <summary>True when the path diverged.</summary>
    [JsonIgnore]
    public bool Diverged => DivergedAtStep is not null;

    /// <summary>The number of points (steps run + 1, the start included).</summary>
    [JsonIgnore]
    public int Count => X.Count;

    /// <summary>The number of leading points that are finite and in bounds: all of them unless the path diverged.</summary>
    [JsonIgnore]
    public int DrawableCount => DivergedAtStep ?? X.Count;

    /// <summary>The state buffer named <paramref name="name"/>, or null when the optimizer has none by that name.</summary>
    public TrajectoryState? StateNamed(string name) => State.FirstOrDefault(s => s.Name == name);
}
