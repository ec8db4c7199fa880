using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Render.Gallery;

/// <summary>A gallery section from a trajectory recipe: per figure an animated GIF, the final picture and the data.</summary>
public static class TrajectorySection
{
    /// <summary>Runs (or takes from the cache) every figure of <paramref name="recipe"/> into <c>dir/FOLDER</c>.</summary>
    public static GallerySection Build(string dir, FigureCache cache, TrajectoryRecipe recipe, string title, string introduction, Action<double>? progress = null)
    {
        string folder = recipe.Name;
        string target = Path.Combine(dir, folder);
        var figures = new List<GalleryFigure>();
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            string image = $"{folder}/{figure.Name}.png", gif = $"{folder}/{figure.Name}.gif";
            string csv = $"{folder}/{figure.Name}.csv", json = $"{folder}/{figure.Name}.json";
            cache.Ensure($"{folder}-{figure.Name}", FigureCache.KeyOf(LabJson.Serialize(figure)), [image, gif, csv, json],
                () => TrajectoryOutputs.WriteFigure(figure, target, animate: true));
            figures.Add(new GalleryFigure(figure.Name, figure.Title, figure.Caption, image)
            {
                Animation = gif,
                Optimizers = figure.Config.Optimizers,
                Convention = OptimizerCatalog.Name(figure.Config.Convention),
                Data = [csv, json],
            });
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return new GallerySection(recipe.Name, title, introduction, figures);
    }
}
