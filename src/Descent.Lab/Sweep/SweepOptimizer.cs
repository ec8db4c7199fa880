namespace Descent.Lab.Sweep;

/// <summary>One <c>--optimizer</c> of a sweep: the spec as typed, its grids and how many cells they give.</summary>
public sealed record SweepOptimizer
{
    /// <summary>The spec as typed.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Its grids, in the order they stand in the spec.</summary>
    public IReadOnlyList<GridAxis> Axes { get; init => field = [.. value]; } = [];

    /// <summary>The number of cells (the product of the grids' sizes).</summary>
    public required int Cells { get; init; }
}
