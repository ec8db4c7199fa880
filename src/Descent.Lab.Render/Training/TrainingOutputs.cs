using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Files;
using Descent.Lab.Training;
using Descent.Training;

namespace Descent.Lab.Render.Training;

/// <summary>Writes training results as files: the data (CSV and JSON) and the figure, each atomically.</summary>
public static class TrainingOutputs
{
    /// <summary>Writes <c>name.csv</c> and <c>name.json</c> into <paramref name="dir"/>.</summary>
    public static void WriteData(TrainingResult result, string dir, string name)
    {
        AtomicFile.WriteText(Path.Combine(dir, name + ".csv"), w => TrainingCsv.Write(result, w));
        AtomicFile.Write(Path.Combine(dir, name + ".json"), s => LabJson.Write(s, result));
    }

    /// <summary>Draws the figure of <paramref name="result"/> (loss over accuracy) to <paramref name="path"/> (.png or .svg).</summary>
    public static void WriteFigure(TrainingResult result, string path, string? title = null) =>
        TrainingFigureRenderer.Save(result, path, title);

    /// <summary>Runs one figure of a recipe and writes <c>NAME.png</c>, <c>NAME.csv</c> and <c>NAME.json</c> into <paramref name="dir"/>.</summary>
    /// <param name="progress">Told after every step and evaluation of every optimizer.</param>
    public static TrainingResult WriteFigure(TrainingFigure figure, string dir, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var result = TrainingExperiment.Run(figure.Config, progress);
        WriteData(result, dir, figure.Name);
        WriteFigure(result, Path.Combine(dir, figure.Name + ".png"), figure.Title);
        return result;
    }

    /// <summary>
    /// Runs every figure of <paramref name="recipe"/> and writes <c>NAME.png</c>, <c>NAME.csv</c> and
    /// <c>NAME.json</c> per figure into <paramref name="dir"/>; returns the results in recipe order.
    /// <paramref name="progress"/> gets the fraction of the recipe's steps done.
    /// </summary>
    public static IReadOnlyList<TrainingResult> WriteRecipe(TrainingRecipe recipe, string dir, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        // Every figure's config is checked before the first file is written, so a bad recipe leaves nothing behind.
        foreach (var figure in recipe.Figures) TrainingExperiment.Validate(figure.Config);
        var results = new List<TrainingResult>(recipe.Figures.Count);
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            int index = i, optimizers = figure.Config.Optimizers.Count;
            var report = progress is null ? null : new Reporter(p =>
                progress((index + (p.Run + (double)p.Iteration / Math.Max(1, p.TotalIterations)) / optimizers) / recipe.Figures.Count));
            results.Add(WriteFigure(figure, dir, report));
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return results;
    }

    // Reports synchronously on the training thread (Progress<T> would post to the thread pool, out of order).
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
