namespace Descent.Lab.Trajectory;

/// <summary>
/// One internal state buffer of an optimizer along its path (<c>velocity</c>, <c>exp_avg</c>,
/// <c>exp_avg_sq</c>…, as <see cref="Optimizer{T}.StateNames"/> names them), both coordinates:
/// index <c>k</c> holds the buffer after step <c>k</c>, index 0 the buffer before the first step
/// (zeros, or the rule's initial value such as Adagrad's <c>initial_accumulator</c>).
/// </summary>
public sealed record TrajectoryState
{
    /// <summary>The buffer's name, as the optimizer names it.</summary>
    public required string Name { get; init; }

    /// <summary>The buffer's x component after each step.</summary>
    public IReadOnlyList<double> X { get; init => field = [.. value]; } = [];

    /// <summary>The buffer's y component after each step.</summary>
    public IReadOnlyList<double> Y { get; init => field = [.. value]; } = [];
}
