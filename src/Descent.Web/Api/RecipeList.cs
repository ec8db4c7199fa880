namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/recipes</c>: the Lab's recipes, so the page can load any figure of the lecture.</summary>
/// <param name="Recipes">Every recipe, in the catalog's order.</param>
public sealed record RecipeList(IReadOnlyList<RecipeInfo> Recipes);
