using Descent.Lab.Sweep;

namespace Descent.Lab.Recipes;

/// <summary>One figure of a sweep recipe: a sweep config with a stable, file-friendly name, a title and what to see in it.</summary>
/// <param name="Name">Unique within its recipe, lower-case letters, digits and '-': the file name of its PNG, CSV and JSON.</param>
/// <param name="Title">The figure's title.</param>
/// <param name="Config">What to sweep.</param>
/// <param name="Caption">What the numbers say, checked by a test against the recipe's own results.</param>
public sealed record SweepRecipeFigure(string Name, string Title, SweepConfig Config, string Caption);
