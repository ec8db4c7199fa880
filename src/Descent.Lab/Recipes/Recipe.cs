namespace Descent.Lab.Recipes;

/// <summary>
/// A named preset of experiment configs (the lecture's suites, a paper's setups). The gallery,
/// <c>descent list recipes</c>, the page and the tests enumerate the same recipes
/// (<see cref="RecipeCatalog"/>). Each experiment has its own derived record holding its figures.
/// </summary>
public abstract record Recipe
{
    /// <summary>The name on the command line (<c>lecture</c>).</summary>
    public required string Name { get; init; }

    /// <summary>One line for <c>descent list recipes</c>.</summary>
    public required string Description { get; init; }

    /// <summary>The experiment its configs are for (<c>response</c>, <c>trajectory</c>, <c>training</c>…).</summary>
    public abstract string Experiment { get; }

    /// <summary>How many figures (configs) it holds.</summary>
    public abstract int Count { get; }
}
