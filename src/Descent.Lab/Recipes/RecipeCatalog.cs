namespace Descent.Lab.Recipes;

/// <summary>
/// Every recipe Descent ships, by name: the table behind <c>descent list recipes</c>,
/// <c>descent response --recipe</c>, <c>descent report</c>, the page and the tests. A new recipe is one
/// more entry in <see cref="Entries"/>.
/// </summary>
public static class RecipeCatalog
{
    /// <summary>Every recipe, in listing order (read afresh: the classics follow the optimizer registry).</summary>
    public static IReadOnlyList<Recipe> Entries =>
    [
        LectureRecipe.Recipe,
        LectureAnimationsRecipe.Recipe,
        LectureNesterovRecipe.Recipe,
        ClassicsRecipe.Recipe,
        LectureHistoryRecipe.Recipe,
        AdamPaperRecipe.Recipe,
        SchedulesRecipe.Recipe,
        SchedulesRecipe.Mnist,
        LectureVariantsRecipe.Recipe,
        LectureVariantsRecipe.Paths,
        LectureSensitivityRecipe.Recipe,
        AdamPaper64Recipe.Recipe,
        BeyondTheLectureRecipe.Recipe,
        BeyondTheLectureRecipe.Evaluations,
        BeyondTheLectureRecipe.Mnist,
    ];

    /// <summary>The names of every recipe.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>The recipe named <paramref name="name"/>; a <see cref="LabInputException"/> lists the valid names.</summary>
    public static Recipe Find(string name) =>
        Entries.FirstOrDefault(e => e.Name == name.Trim().ToLowerInvariant())
        ?? throw new LabInputException("recipe", $"Unknown recipe '{name}'; valid: {string.Join(", ", Names)}.");

    /// <summary>
    /// The recipe named <paramref name="name"/> for the experiment <typeparamref name="TRecipe"/> stands for
    /// (<c>Find&lt;ResponseRecipe&gt;("lecture")</c>); the error lists the valid names of that kind.
    /// </summary>
    public static TRecipe Find<TRecipe>(string name) where TRecipe : Recipe
    {
        var valid = Entries.OfType<TRecipe>().Select(e => e.Name).ToList();
        var recipe = Entries.FirstOrDefault(e => e.Name == name.Trim().ToLowerInvariant());
        return recipe switch
        {
            TRecipe match => match,
            null => throw new LabInputException("recipe", $"Unknown recipe '{name}'; valid: {string.Join(", ", valid)}."),
            _ => throw new LabInputException("recipe", $"Recipe '{recipe.Name}' is a {recipe.Experiment} recipe; valid here: {string.Join(", ", valid)}."),
        };
    }
}
