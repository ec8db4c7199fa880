using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Render.Gallery;

/// <summary>A gallery section from a trajectory recipe: per figure an animated GIF, the final picture and the data.</summary>
public static class TrajectorySection
{
    /// <summary>
    /// Draws every figure of <paramref name="recipe"/> into <c>dir/RECIPE</c> from <paramref name="runner"/>'s results (or takes it
    /// from the cache); with <paramref name="animate"/>, an animated GIF too, which the page shows instead of the still.
    /// </summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, TrajectoryRecipe recipe, string title, string introduction,
        Action<double>? progress = null, bool animate = true)
    {
        string folder = recipe.Name;
        string target = Path.Combine(dir, folder);
        var figures = new List<GalleryFigure>();
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            string image = $"{folder}/{figure.Name}.png", gif = $"{folder}/{figure.Name}.gif";
            string csv = $"{folder}/{figure.Name}.csv", json = $"{folder}/{figure.Name}.json";
            cache.Ensure($"{folder}-{figure.Name}", FigureCache.KeyOf(LabJson.Serialize(figure)), animate ? [image, gif, csv, json] : [image, csv, json],
                () => TrajectoryOutputs.WriteFigure(figure, runner.Run(figure), target, animate));
            figures.Add(new GalleryFigure(figure.Name, figure.Title, figure.Caption, image)
            {
                Animation = animate ? gif : null,
                Optimizers = figure.Config.Optimizers,
                Convention = OptimizerCatalog.Name(figure.Config.Convention),
                Data = [csv, json],
            });
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return new GallerySection(recipe.Name, title, introduction, figures);
    }
}
