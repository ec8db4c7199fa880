using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Charts;
using Descent.Lab.Render.Files;
using Descent.Lab.Response;

namespace Descent.Lab.Render.Response;

/// <summary>Writes response results as files: the data (CSV and JSON) and the figure, each atomically.</summary>
public static class ResponseOutputs
{
    /// <summary>Writes <c>name.csv</c> and <c>name.json</c> into <paramref name="dir"/>.</summary>
    public static void WriteData(ResponseResult result, string dir, string name)
    {
        AtomicFile.WriteText(Path.Combine(dir, name + ".csv"), w => ResponseCsv.Write(result, w));
        AtomicFile.Write(Path.Combine(dir, name + ".json"), s => LabJson.Write(s, result));
    }

    /// <summary>Draws the figure of <paramref name="result"/> to <paramref name="path"/> (.png or .svg).</summary>
    public static void WriteFigure(ResponseResult result, string path, string? title = null) =>
        LineChartRenderer.Save(ResponseChart.From(result, title), path);

    /// <summary>
    /// Runs every figure of <paramref name="recipe"/> and writes <c>NAME.png</c>, <c>NAME.csv</c> and
    /// <c>NAME.json</c> per figure into <paramref name="dir"/>; returns the results in recipe order.
    /// </summary>
    public static IReadOnlyList<ResponseResult> WriteRecipe(ResponseRecipe recipe, string dir, Action<double>? progress = null)
    {
        // Every figure's config is checked before the first file is written, so a bad recipe leaves nothing behind.
        foreach (var figure in recipe.Figures) ResponseExperiment.Validate(figure.Config);
        var results = new List<ResponseResult>(recipe.Figures.Count);
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            var result = ResponseExperiment.Run(figure.Config);
            WriteData(result, dir, figure.Name);
            WriteFigure(result, Path.Combine(dir, figure.Name + ".png"), figure.Title);
            results.Add(result);
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return results;
    }
}
