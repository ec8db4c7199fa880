using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Files;
using Descent.Lab.Training;

namespace Descent.Lab.Render.Training;

/// <summary>Writes training results as files: the data (CSV and JSON) and the figure, each atomically. It draws results; it trains nothing.</summary>
public static class TrainingOutputs
{
    /// <summary>Writes <c>name.csv</c> and <c>name.json</c> into <paramref name="dir"/>.</summary>
    public static void WriteData(TrainingResult result, string dir, string name)
    {
        AtomicFile.WriteText(Path.Combine(dir, name + ".csv"), w => TrainingCsv.Write(result, w));
        AtomicFile.Write(Path.Combine(dir, name + ".json"), s => LabJson.Write(s, result));
    }

    /// <summary>Draws the figure of <paramref name="result"/> (loss over accuracy, and the learning rate when a spec has a schedule) to <paramref name="path"/> (.png or .svg).</summary>
    public static void WriteFigure(TrainingResult result, string path, string? title = null) =>
        TrainingFigureRenderer.Save(result, path, title);

    /// <summary>Writes one recipe figure's result into <paramref name="dir"/>: <c>NAME.png</c>, <c>NAME.csv</c> and <c>NAME.json</c>.</summary>
    public static void WriteFigure(TrainingFigure figure, TrainingResult result, string dir)
    {
        ArgumentNullException.ThrowIfNull(figure);
        WriteData(result, dir, figure.Name);
        WriteFigure(result, Path.Combine(dir, figure.Name + ".png"), figure.Title);
    }
}
