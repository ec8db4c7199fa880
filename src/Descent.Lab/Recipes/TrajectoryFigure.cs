using Descent.Lab.Trajectory;

namespace Descent.Lab.Recipes;

/// <summary>One figure of a trajectory recipe: a config with a stable, file-friendly name, a title and a caption.</summary>
/// <param name="Name">Unique within its recipe, lower-case letters, digits and '-' (<c>hills-and-canyon</c>): the file name of its PNG, GIF, CSV and JSON.</param>
/// <param name="Title">The figure's title.</param>
/// <param name="Caption">One or two sentences saying what to see.</param>
/// <param name="Config">What to run.</param>
/// <param name="Source">Where the figure comes from (the lecture's own animation), or null.</param>
public sealed record TrajectoryFigure(string Name, string Title, string Caption, TrajectoryConfig Config, string? Source = null);
