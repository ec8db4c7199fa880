namespace Descent.Lab.Sweep;

/// <summary>A spec as typed with its grids (<see cref="SpecGrid.Expand"/>), and its cells: the product of the grids.</summary>
public sealed record GriddedSpec
{
    /// <summary>The spec exactly as typed.</summary>
    public required string Text { get; init; }

    /// <summary>The grids, in the order they stand in the text; empty for a spec without grids (one cell, the spec itself).</summary>
    public IReadOnlyList<GridAxis> Axes { get; init => field = [.. value]; } = [];

    /// <summary>The cells, the first grid varying slowest, the last fastest.</summary>
    public IReadOnlyList<GridCell> Cells { get; init => field = [.. value]; } = [];
}
