namespace Descent.Web.Api;

/// <summary>One recipe.</summary>
/// <param name="Name">Its name (<c>lecture-animations</c>).</param>
/// <param name="Description">One line about it.</param>
/// <param name="Experiment"><c>trajectory</c> or <c>response</c> (other experiments' recipes are left out: the page has no tab for them).</param>
/// <param name="Figures">Its figures.</param>
public sealed record RecipeInfo(string Name, string Description, string Experiment, IReadOnlyList<RecipeFigure> Figures);
