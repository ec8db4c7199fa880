namespace Descent.Lab.Trajectory;

/// <summary>
/// A scalar of an optimizer's state along its path (L-BFGS's <c>history</c>, the pairs it keeps), as
/// <see cref="Optimizer{T}.CounterNames"/> names it: index <c>k</c> holds the value after step <c>k</c>, index 0 before the first.
/// </summary>
public sealed record TrajectoryCounter
{
    /// <summary>The counter's name, as the optimizer names it.</summary>
    public required string Name { get; init; }

    /// <summary>Its value at each point.</summary>
    public IReadOnlyList<double> Values { get; init => field = [.. value]; } = [];
}
