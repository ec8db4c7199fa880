using Descent.Functions;

namespace Descent.Lab.Trajectory;

/// <summary>
/// What a trajectory run computes: optimizers started from one point of a 2-D function, each path
/// stepped in double precision. The same fields as <c>descent trajectory</c>'s options.
/// </summary>
public sealed record TrajectoryConfig
{
    /// <summary>A built-in function's name (<c>hills-and-canyon</c>) or a typed formula in x and y (<c>--function</c>).</summary>
    public required string Function { get; init; }

    /// <summary>One spec per path (<c>adam(lr=0.25)</c>), kept exactly as written (<c>--optimizer</c>).</summary>
    public IReadOnlyList<string> Optimizers { get; init => field = [.. value]; } = [];

    /// <summary>Whose formulas and defaults the specs mean (<c>--convention</c>); PyTorch's unless set.</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>Where every path starts (<c>--start x,y</c>); null for the function's own start.</summary>
    public Point2? Start { get; init; }

    /// <summary>Steps per path, 1 to <see cref="TrajectoryExperiment.MaxSteps"/>; null for <see cref="TrajectoryExperiment.DefaultSteps"/> (<c>--steps</c>).</summary>
    public int? Steps { get; init; }
}
