using Descent.Functions;
using Descent.Lab.Recipes;
using Descent.Lab.Response;
using Descent.Lab.Signals;
using Descent.Schedules;
using Descent.Specs;

namespace Descent.Web.Api;

/// <summary>
/// <c>GET /api/functions</c>, <c>/api/optimizers</c>, <c>/api/signals</c>, <c>/api/recipes</c>, <c>/api/defaults</c>: the Lab's catalogs as the page needs them
/// (the same tables as <c>descent list</c>).
/// </summary>
public static class CatalogEndpoints
{
    private static IReadOnlyList<Convention> Conventions => OptimizerCatalog.Conventions;

    /// <summary>Every built-in function: the lecture's landscapes, then the classics.</summary>
    public static FunctionList Functions() => new(
        [.. FunctionCatalog.All.Select(e => new FunctionInfo(
            e.Name, e.Aliases, e.Kind.ToString().ToLowerInvariant(), e.Formula, e.Description, e.Domain, e.Start, e.Minima))]);

    /// <summary>
    /// Every registered rule with its keys and their defaults under each convention, the keys all rules share, and
    /// the schedules with theirs. Read when asked, not once: a rule registered after the server started is listed.
    /// </summary>
    public static OptimizerList Optimizers() => new(
        [.. Conventions.Select(OptimizerCatalog.Name)],
        [.. OptimizerCatalog.Entries.Select(e => new OptimizerInfo(
            e.Name, e.Summary, [.. e.DefinedIn.Select(OptimizerCatalog.Name)],
            // A convention without a formula for the rule (keras lacks some) is left out of its map.
            Conventions.Where(e.Has).ToDictionary(OptimizerCatalog.Name, c => Under(e, c))))],
        [SpecKey.LearningRate.Name, .. SpecKey.Shared.Select(k => k.Name)],
        [.. ScheduleCatalog.Entries.Select(s =>
        {
            var defaults = s.Defaults();
            return new ScheduleInfo(s.Name, s.Summary, [.. s.Keys.Select(k => new OptimizerKey(k.Name, k.Kind, k.Get(defaults)))]);
        })]);

    /// <summary>Every built-in signal and the interpolation names.</summary>
    public static SignalList Signals() => new(
        [.. SignalCatalog.Entries.Select(e => new SignalInfo(e.Name, e.Description, e.Create().Values))],
        Interpolations.Names);

    /// <summary>The trajectory and response recipes with every figure's config.</summary>
    public static RecipeList Recipes() => new(
        [.. RecipeCatalog.Entries.Select(r => r switch
        {
            TrajectoryRecipe t => new RecipeInfo(t.Name, t.Description, t.Experiment,
                [.. t.Figures.Select(f => new RecipeFigure(f.Name, f.Title, f.Caption, f.Config))]),
            ResponseRecipe p => new RecipeInfo(p.Name, p.Description, p.Experiment,
                [.. p.Figures.Select(f => new RecipeFigure(f.Name, f.Title, f.Caption ?? "", f.Config))]),
            _ => null,
        }).OfType<RecipeInfo>()]);

    /// <summary>The figures the page opens with: the lecture's animation of hills and canyon, and Adam's response to rectangles.</summary>
    public static PageDefaults Defaults()
    {
        const string landscape = "hills-and-canyon", response = "rectangles-adam";
        return new PageDefaults(
            new PageSetup(LectureAnimationsRecipe.Name, landscape, LectureAnimationsRecipe.Recipe.Figure(landscape).Config),
            new PageSetup(LectureRecipe.Name, response, LectureRecipe.Recipe.Figure(response).Config));
    }

    private static OptimizerConvention Under(OptimizerEntry entry, Convention convention)
    {
        var defaults = entry.Defaults(convention);
        return new OptimizerConvention(
            OptimizerCatalog.Name(entry.Effective(convention)),
            [.. entry.KeysIn(convention).Select(k => new OptimizerKey(k.Name, k.Kind, k.Get(defaults)))]);
    }
}
