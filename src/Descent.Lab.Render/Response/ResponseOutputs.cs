using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Charts;
using Descent.Lab.Render.Files;
using Descent.Lab.Response;

namespace Descent.Lab.Render.Response;

/// <summary>Writes response results as files: the data (CSV and JSON) and the figure, each atomically. It draws results; it runs nothing.</summary>
public static class ResponseOutputs
{
    /// <summary>Height of the learning-rate panel under the response chart, when a spec has a schedule.</summary>
    public const int LearningRateHeight = 400;

    /// <summary>Writes <c>name.csv</c> and <c>name.json</c> into <paramref name="dir"/>.</summary>
    public static void WriteData(ResponseResult result, string dir, string name)
    {
        AtomicFile.WriteText(Path.Combine(dir, name + ".csv"), w => ResponseCsv.Write(result, w));
        AtomicFile.Write(Path.Combine(dir, name + ".json"), s => LabJson.Write(s, result));
    }

    /// <summary>
    /// Draws the figure of <paramref name="result"/> to <paramref name="path"/> (.png or .svg): the response chart
    /// and, when the run recorded learning rates (a spec with a schedule), the learning-rate panel under it.
    /// </summary>
    public static void WriteFigure(ResponseResult result, string path, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chart = ResponseChart.From(result, title);
        var palette = new ScottPlot.Palettes.Category10();
        // The chart gives each curve the palette's next color after the grey signal: curve k has color k.
        var rates = LearningRatePanel.Build([.. result.Curves.Select((c, k) => new LearningRateSeries(c.Optimizer, palette.GetColor(k), c.LearningRates ?? []))], scale: 1.4f);
        if (rates is null)
        {
            LineChartRenderer.Save(chart, path);
            return;
        }
        PanelStack.Save(path, Figure.DefaultWidth, [(LineChartRenderer.Build(chart), Figure.DefaultHeight), (rates, LearningRateHeight)]);
    }

    /// <summary>Writes one recipe figure's result into <paramref name="dir"/>: <c>NAME.png</c>, <c>NAME.csv</c> and <c>NAME.json</c>.</summary>
    public static void WriteFigure(ResponseFigure figure, ResponseResult result, string dir)
    {
        ArgumentNullException.ThrowIfNull(figure);
        WriteData(result, dir, figure.Name);
        WriteFigure(result, Path.Combine(dir, figure.Name + ".png"), figure.Title);
    }
}
