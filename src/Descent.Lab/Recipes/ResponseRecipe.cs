namespace Descent.Lab.Recipes;

/// <summary>A recipe of gradient-response figures.</summary>
public sealed record ResponseRecipe : Recipe
{
    /// <summary>The figures, in a stable order.</summary>
    public required IReadOnlyList<ResponseFigure> Figures { get; init; }

    /// <inheritdoc/>
    public override string Experiment => "response";

    /// <inheritdoc/>
    public override int Count => Figures.Count;

    /// <summary>The figure named <paramref name="name"/>; a <see cref="LabInputException"/> lists the valid names.</summary>
    public ResponseFigure Figure(string name) =>
        Figures.FirstOrDefault(f => f.Name == name.Trim().ToLowerInvariant())
        ?? throw new LabInputException("figure", $"Recipe '{Name}' has no figure '{name}'; valid: {string.Join(", ", Figures.Select(f => f.Name))}.");
}
