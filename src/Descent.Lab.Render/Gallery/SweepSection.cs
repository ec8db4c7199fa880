using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Sweep;
using Descent.Specs;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// The gallery's "How forgiving is each rule?" section: the sweeps of <c>lecture-sensitivity</c> and <c>adam-paper-6.4</c>,
/// run (or taken from the cache) into <c>dir/sweep</c>, each a figure with its CSV and JSON.
/// </summary>
public static class SweepSection
{
    /// <summary>The folder under the gallery that holds the sweep figures and their data.</summary>
    public const string Folder = "sweep";

    /// <summary>Draws both recipes' figures from <paramref name="runner"/>'s results (or takes them from the cache).</summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(runner);
        SweepRecipe[] recipes = [RecipeCatalog.Find<SweepRecipe>(LectureSensitivityRecipe.Name), RecipeCatalog.Find<SweepRecipe>(AdamPaper64Recipe.Name)];
        int total = recipes.Sum(r => r.Count), done = 0;
        var figures = new List<GalleryFigure>();
        foreach (var recipe in recipes)
        {
            string folder = $"{Folder}/{recipe.Name}";
            string target = Path.Combine(dir, folder);
            foreach (var figure in recipe.Figures)
            {
                string image = $"{folder}/{figure.Name}.png", csv = $"{folder}/{figure.Name}.csv", json = $"{folder}/{figure.Name}.json";
                cache.Ensure($"{recipe.Name}-{figure.Name}", FigureCache.KeyOf(LabJson.Serialize(figure)), [image, csv, json], () =>
                {
                    var result = runner.Run(figure);
                    SweepOutputs.WriteData(result, target, figure.Name);
                    SweepOutputs.WriteFigure(result, Path.Combine(target, figure.Name + ".png"), figure.Title);
                });
                figures.Add(new GalleryFigure(figure.Name, figure.Title, figure.Caption, image)
                {
                    Optimizers = figure.Config.Optimizers,
                    Convention = OptimizerCatalog.Name(figure.Config.Convention),
                    Data = [csv, json],
                });
                progress?.Invoke(++done / (double)total);
            }
        }
        return new GallerySection(LectureSensitivityRecipe.Name, "How forgiving is each rule?",
            "The lecture closes with claims: Adam is the golden hammer that needs little tuning, Nesterov is sensitive, RMSProp and Adadelta " +
            "need only a rough learning rate. Here each rule is swept over a log grid of learning rates (descent sweep), from several starts " +
            "or seeds; a line is the median final loss, the band its interquartile range, and the bars give the width of the good-lr band " +
            "(median final loss within 10% of the best) in decades. A band's width is a multiple of the grid's spacing.",
            figures);
    }
}
