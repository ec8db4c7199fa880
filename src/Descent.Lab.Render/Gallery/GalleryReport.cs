using Descent.Lab.Recipes;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// <c>descent report</c>: runs every recipe with the bundled defaults into one folder and writes the
/// page that shows them in the lecture's order. Figures whose config has not changed since the last
/// run are taken from the folder as they are (<see cref="FigureCache"/>).
/// </summary>
public static class GalleryReport
{
    /// <summary>What a run did.</summary>
    public sealed record Outcome(string Index, int Figures, int FromCache);

    /// <summary>Builds the gallery in <paramref name="dir"/>; <paramref name="progress"/> gets a label and the fraction done.</summary>
    public static Outcome Write(string dir, Action<string, double>? progress = null)
    {
        var cache = new FigureCache(dir);
        var steps = new List<(string Label, Func<Action<double>, GallerySection> Build)>
        {
            ("gradient response", p => ResponseSection.Build(dir, cache, RecipeCatalog.Find<ResponseRecipe>(LectureRecipe.Name), p)),
        };
        var sections = new List<GallerySection>();
        for (int i = 0; i < steps.Count; i++)
        {
            var (label, build) = steps[i];
            int index = i;
            sections.Add(build(f => progress?.Invoke(label, (index + f) / steps.Count)));
        }
        GalleryPage.Write(dir, "Descent: the lecture on optimizers, in figures",
            "Every figure of the lecture on neural-network optimizers, recomputed by Descent, and more. Each figure names the optimizer specs and " +
            "the convention that drew it, and links to the data behind it. Re-running `descent report` redraws only what changed.",
            sections);
        return new Outcome(Path.Combine(dir, "index.html"), sections.Sum(s => s.Figures.Count), cache.Hits);
    }
}
