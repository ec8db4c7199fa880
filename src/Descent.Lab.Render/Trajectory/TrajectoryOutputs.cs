using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Files;
using Descent.Lab.Render.Landscape;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Render.Trajectory;

/// <summary>Writes trajectory results as files: data (CSV, JSON), the final picture, and animations. It draws results; it runs nothing.</summary>
public static class TrajectoryOutputs
{
    /// <summary>
    /// The landscape scene that draws <paramref name="result"/>: its function, start, minima and one path per
    /// optimizer, with the learning rates the run recorded (a spec with a schedule).
    /// </summary>
    public static LandscapeScene Scene(TrajectoryResult result, string? title = null, bool heatmap = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        // The function's contours are drawn from its formula; the paths are the result's, as recorded.
        var objective = TrajectoryExperiment.ResolveFunction(result.Config);
        var paths = result.Paths.Select(p => new LandscapePath(p.Optimizer, p.X, p.Y, p.DivergedAtStep)
        {
            LearningRates = p.LearningRates,
            Losses = p.Loss,
            Evaluations = p.Evaluations,
        }).ToList();
        return new LandscapeScene(objective, paths)
        {
            Title = title ?? $"{result.Function} ({Descent.Specs.OptimizerCatalog.Name(result.Config.Convention)} convention, {result.Steps} steps)",
            Start = result.Start,
            Heatmap = heatmap,
        };
    }

    /// <summary>Writes <c>name.csv</c> and <c>name.json</c> into <paramref name="dir"/>.</summary>
    public static void WriteData(TrajectoryResult result, string dir, string name)
    {
        AtomicFile.WriteText(Path.Combine(dir, name + ".csv"), w => TrajectoryCsv.Write(result, w));
        AtomicFile.Write(Path.Combine(dir, name + ".json"), s => LabJson.Write(s, result));
    }

    /// <summary>
    /// Writes one recipe figure's result into <paramref name="dir"/>: <c>NAME.png</c>, <c>NAME.gif</c> when
    /// <paramref name="animate"/>, <c>NAME.csv</c> and <c>NAME.json</c>.
    /// </summary>
    public static void WriteFigure(TrajectoryFigure figure, TrajectoryResult result, string dir, bool animate)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var scene = Scene(result, figure.Title);
        WriteData(result, dir, figure.Name);
        LandscapeFigure.Save(scene, Path.Combine(dir, figure.Name + ".png"));
        if (animate) LandscapeAnimation.SaveGif(scene, Path.Combine(dir, figure.Name + ".gif"));
    }
}
