namespace Descent.Web.Api;

/// <summary>One figure of a recipe.</summary>
/// <param name="Name">Its name within the recipe (<c>hills-and-canyon</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Caption">What to see in it (empty when the recipe has no captions).</param>
/// <param name="Config">The experiment's config, as in result files: a trajectory or a response config.</param>
public sealed record RecipeFigure(string Name, string Title, string Caption, object Config);
