using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Training;
using Descent.Specs;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// A gallery section of learning histories: every figure of a training recipe, run (or taken from the cache)
/// into <c>dir/training</c>, as <see cref="ResponseSection"/> does for the response figures.
/// </summary>
public static class TrainingSection
{
    /// <summary>The folder under the gallery that holds the training figures and their data.</summary>
    public const string Folder = "training";

    /// <summary>Draws every figure of <paramref name="recipe"/> from <paramref name="runner"/>'s results (or takes it from the cache); <paramref name="progress"/> gets the fraction done.</summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, TrainingRecipe recipe, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(recipe);
        string folder = $"{Folder}/{recipe.Name}";
        string target = Path.Combine(dir, folder);
        var figures = new List<GalleryFigure>();
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            string image = $"{folder}/{figure.Name}.png", csv = $"{folder}/{figure.Name}.csv", json = $"{folder}/{figure.Name}.json";
            cache.Ensure($"{recipe.Name}-{figure.Name}", FigureCache.KeyOf(LabJson.Serialize(figure)), [image, csv, json], () => TrainingOutputs.WriteFigure(figure, runner.Run(figure), target));
            figures.Add(new GalleryFigure(figure.Name, figure.Title, figure.Caption ?? "", image)
            {
                Optimizers = figure.Config.Optimizers,
                Convention = OptimizerCatalog.Name(figure.Config.Convention),
                Data = [csv, json],
            });
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return new GallerySection(recipe.Name, recipe.Name == LectureHistoryRecipe.Name ? "Learning histories on real data" : "Kingma & Ba's experiments, on the bundled digits",
            "Each optimizer trains the same network on the bundled mnist digits from the same initial weights, on the same batches in the same " +
            "order. Top: the training loss of every step (a running mean, log scale); bottom: the test accuracy after every epoch. Learning " +
            "rates come from a small log grid, documented with the recipe.",
            figures);
    }
}
