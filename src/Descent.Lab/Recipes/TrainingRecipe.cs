namespace Descent.Lab.Recipes;

/// <summary>A recipe of learning-history figures (the training experiment).</summary>
public sealed record TrainingRecipe : Recipe
{
    /// <summary>The figures, in a stable order.</summary>
    public required IReadOnlyList<TrainingFigure> Figures { get; init; }

    /// <inheritdoc/>
    public override string Experiment => "training";

    /// <inheritdoc/>
    public override int Count => Figures.Count;

    /// <summary>The figure named <paramref name="name"/>; a <see cref="LabInputException"/> lists the valid names.</summary>
    public TrainingFigure Figure(string name) =>
        Figures.FirstOrDefault(f => f.Name == name.Trim().ToLowerInvariant())
        ?? throw new LabInputException("figure", $"Recipe '{Name}' has no figure '{name}'; valid: {string.Join(", ", Figures.Select(f => f.Name))}.");

    /// <summary>
    /// This recipe with every figure's epochs (and, if given, seed) replaced: a shorter run of the same figures,
    /// e.g. <c>descent train --recipe lecture-history --epochs 1</c>.
    /// </summary>
    public TrainingRecipe With(int? epochs = null, ulong? seed = null) => this with
    {
        Figures = [.. Figures.Select(f => f with { Config = f.Config with { Epochs = epochs ?? f.Config.Epochs, Seed = seed ?? f.Config.Seed } })],
    };
}
