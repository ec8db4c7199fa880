namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/recipes</c>: the Lab's recipes, so the page can load any figure of the lecture.</summary>
/// <param name="Recipes">Every recipe, in the catalog's order.</param>
public sealed record RecipeList(IReadOnlyList<RecipeInfo> Recipes);

/// <summary>One recipe.</summary>
/// <param name="Name">Its name (<c>lecture-animations</c>).</param>
/// <param name="Description">One line about it.</param>
/// <param name="Experiment"><c>trajectory</c> or <c>response</c> (other experiments' recipes are left out: the page has no tab for them).</param>
/// <param name="Figures">Its figures.</param>
public sealed record RecipeInfo(string Name, string Description, string Experiment, IReadOnlyList<RecipeFigure> Figures);

/// <summary>One figure of a recipe.</summary>
/// <param name="Name">Its name within the recipe (<c>hills-and-canyon</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Caption">What to see in it (empty when the recipe has no captions).</param>
/// <param name="Config">The experiment's config, as in result files: a trajectory or a response config.</param>
public sealed record RecipeFigure(string Name, string Title, string Caption, object Config);
