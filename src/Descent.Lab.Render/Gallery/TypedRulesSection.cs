using Descent.Lab.Recipes;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// The gallery's "your own rule" section: the lecture's suggested variants typed as rules (<c>lecture-variants</c>,
/// response figures) and Adam with a true look-ahead on hills-and-canyon (<c>lecture-variants-paths</c>).
/// </summary>
public static class TypedRulesSection
{
    /// <summary>Draws both recipes' figures from <paramref name="runner"/>'s results (or takes them from the cache).</summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, Action<double>? progress = null)
    {
        var responses = RecipeCatalog.Find<ResponseRecipe>(LectureVariantsRecipe.Name);
        var paths = RecipeCatalog.Find<TrajectoryRecipe>(LectureVariantsRecipe.PathsName);
        int total = responses.Count + paths.Count;
        var curves = ResponseSection.Build(dir, cache, runner, responses, f => progress?.Invoke(f * responses.Count / total));
        var landscape = TrajectorySection.Build(dir, cache, runner, paths, "", "", f => progress?.Invoke((responses.Count + f * paths.Count) / total));
        return new GallerySection(LectureVariantsRecipe.Name, "Your own rule: the lecture's suggestions, typed",
            "The lecture says its formulas are open for further experiments. In Descent an optimizer spec can be a rule typed as " +
            "statements, rule(m = …; p = p - … | lr=…, …), compiled to the same SIMD kernels as the built-ins. Written in a built-in's " +
            "order it draws the built-in's curve to the last bit (Adagrad without the root, with |g|, smoothed Nesterov); then the " +
            "lecture's own hint, Adam with Nesterov's look-ahead as a true grad(p - …), raced against Adam and NAdam.",
            [.. curves.Figures, .. landscape.Figures]);
    }
}
