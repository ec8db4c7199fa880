using Descent.Lab.Training;

namespace Descent.Lab.Recipes;

/// <summary>One figure of a training recipe: a config with a stable, file-friendly name, a title and what to see in it.</summary>
/// <param name="Name">Unique within its recipe, lower-case letters, digits and '-' (<c>adam-paper-mlp</c>): the file name of its PNG, CSV and JSON.</param>
/// <param name="Title">The figure's title.</param>
/// <param name="Config">What to run.</param>
/// <param name="Source">Where the figure comes from (the paper's figure), or null.</param>
/// <param name="Caption">One or two sentences saying what to see, checked against the recipe's own results; or null.</param>
public sealed record TrainingFigure(string Name, string Title, TrainingConfig Config, string? Source = null, string? Caption = null);
