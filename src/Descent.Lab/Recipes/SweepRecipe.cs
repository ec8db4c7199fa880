namespace Descent.Lab.Recipes;

/// <summary>A recipe of sensitivity sweeps (the sweep experiment).</summary>
public sealed record SweepRecipe : Recipe
{
    /// <summary>The figures, in a stable order.</summary>
    public required IReadOnlyList<SweepRecipeFigure> Figures { get; init; }

    /// <inheritdoc/>
    public override string Experiment => "sweep";

    /// <inheritdoc/>
    public override int Count => Figures.Count;

    /// <summary>The figure named <paramref name="name"/>; a <see cref="LabInputException"/> lists the valid names.</summary>
    public SweepRecipeFigure Figure(string name) =>
        Figures.FirstOrDefault(f => f.Name == name.Trim().ToLowerInvariant())
        ?? throw new LabInputException("figure", $"Recipe '{Name}' has no figure '{name}'; valid: {string.Join(", ", Figures.Select(f => f.Name))}.");
}
