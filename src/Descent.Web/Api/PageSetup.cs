namespace Descent.Web.Api;

/// <summary>A figure of a recipe the page opens a tab with.</summary>
/// <param name="Recipe">The recipe's name (<c>lecture-animations</c>).</param>
/// <param name="Figure">The figure's name within it (<c>hills-and-canyon</c>).</param>
/// <param name="Config">The figure's config, as <c>GET /api/recipes</c> gives it.</param>
public sealed record PageSetup(string Recipe, string Figure, object Config);
