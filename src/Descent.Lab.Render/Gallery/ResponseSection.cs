using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Response;
using Descent.Specs;

namespace Descent.Lab.Render.Gallery;

/// <summary>The gallery's gradient-response section: every figure of the lecture's response recipe.</summary>
public static class ResponseSection
{
    /// <summary>Draws every figure of <paramref name="recipe"/> into <c>dir/response</c>, from <paramref name="runner"/>'s results (or takes it from the cache).</summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, ResponseRecipe recipe, Action<double>? progress = null)
    {
        const string folder = "response";
        string target = Path.Combine(dir, folder);
        var figures = new List<GalleryFigure>();
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            string image = $"{folder}/{figure.Name}.png", csv = $"{folder}/{figure.Name}.csv", json = $"{folder}/{figure.Name}.json";
            cache.Ensure(figure.Name, FigureCache.KeyOf(LabJson.Serialize(figure)), [image, csv, json], () =>
            {
                ResponseOutputs.WriteFigure(figure, runner.Run(figure), target);
            });
            figures.Add(new GalleryFigure(figure.Name, figure.Title, figure.Caption ?? "", image)
            {
                Optimizers = figure.Config.Optimizers,
                Convention = OptimizerCatalog.Name(figure.Config.Convention),
                Data = [csv, json],
            });
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return new GallerySection("response", "How each rule answers a gradient signal",
            "The lecture feeds six synthetic signals, step by step, as the gradient of one parameter and plots the update each rule makes " +
            "(p(t-1) - p(t)); the dashed grey line is the signal. Each figure shows one rule at three values of its key parameter, " +
            "under the lecture's own formulas and its interpolation for look-ahead reads: these are the lecture's numbers, to 1e-9.",
            figures);
    }
}
