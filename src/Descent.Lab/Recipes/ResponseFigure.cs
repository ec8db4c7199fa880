using Descent.Lab.Response;

namespace Descent.Lab.Recipes;

/// <summary>One figure of a response recipe: a config with a stable, file-friendly name and a title.</summary>
/// <param name="Name">Unique within its recipe, lower-case letters, digits and '-' (<c>rectangles-adam</c>): the file name of its PNG, CSV and JSON.</param>
/// <param name="Title">The figure's title.</param>
/// <param name="Config">What to run.</param>
/// <param name="Source">Where the figure comes from (the lecture's own figure name), or null.</param>
/// <param name="Caption">One or two sentences saying what to see, for the gallery; or null.</param>
public sealed record ResponseFigure(string Name, string Title, ResponseConfig Config, string? Source = null, string? Caption = null);
