namespace Descent.Lab.Sweep;

/// <summary>One optimizer of a plan: its grids and cells, and each cell's options, resolved once.</summary>
internal sealed record PlannedOptimizer(GriddedSpec Grid, IReadOnlyList<OptimizerOptions> Options);
