namespace Descent.Lab.Recipes;

/// <summary>A recipe of trajectory figures: optimizer paths on 2-D functions.</summary>
public sealed record TrajectoryRecipe : Recipe
{
    /// <summary>The figures, in a stable order.</summary>
    public required IReadOnlyList<TrajectoryFigure> Figures { get; init; }

    /// <inheritdoc/>
    public override string Experiment => "trajectory";

    /// <inheritdoc/>
    public override int Count => Figures.Count;

    /// <summary>The figure named <paramref name="name"/>; a <see cref="LabInputException"/> lists the valid names.</summary>
    public TrajectoryFigure Figure(string name) =>
        Figures.FirstOrDefault(f => f.Name == name.Trim().ToLowerInvariant())
        ?? throw new LabInputException("figure", $"Recipe '{Name}' has no figure '{name}'; valid: {string.Join(", ", Figures.Select(f => f.Name))}.");
}
