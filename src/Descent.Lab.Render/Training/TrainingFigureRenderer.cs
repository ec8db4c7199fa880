using Descent.Lab.Render.Charts;
using Descent.Lab.Render.Files;
using Descent.Lab.Training;

namespace Descent.Lab.Render.Training;

/// <summary>
/// Draws a learning-history figure: the training-loss panel (<see cref="TrainingCharts.Loss"/>) above the
/// test-accuracy panel (<see cref="TrainingCharts.Accuracy"/>), and, when a spec has a learning-rate schedule,
/// the learning rate of every iteration as the run recorded it (<see cref="LearningRatePanel"/>), in one PNG or
/// SVG, so one file holds the whole history (one picture per gallery card, one file per <c>--png</c>).
/// </summary>
public static class TrainingFigureRenderer
{
    /// <summary>Width of the figure in pixels.</summary>
    public const int Width = Figure.DefaultWidth;

    /// <summary>Height of the loss panel.</summary>
    public const int LossHeight = 800;

    /// <summary>Height of the accuracy panel.</summary>
    public const int AccuracyHeight = 600;

    /// <summary>Draws <paramref name="result"/> to <paramref name="path"/> (.png or .svg), atomically; <paramref name="title"/> overrides the loss panel's title.</summary>
    public static void Save(TrainingResult result, string path, string? title = null)
    {
        Figure.FormatOf(path);
        var lossChart = TrainingCharts.Loss(result, title);
        var loss = LineChartRenderer.Build(lossChart);
        if (TrainingCharts.LossRange(lossChart, result) is var (min, max))
        {
            // The renderer plots log10 of the loss; a little room above and below the curves.
            double low = Math.Log10(min), high = Math.Log10(max), pad = Math.Max(0.05, 0.04 * (high - low));
            loss.Axes.SetLimitsY(low - pad, high + pad);
            loss.Axes.Left.TickGenerator = LogTicks(low - pad, high + pad);
        }
        var accuracy = LineChartRenderer.Build(TrainingCharts.Accuracy(result));
        // Accuracy climbs to the top right, where the default legend would hide the final values; epochs are whole.
        accuracy.ShowLegend(ScottPlot.Alignment.LowerRight).FontSize = 15;
        accuracy.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var panels = new List<(ScottPlot.Plot, int)> { (loss, LossHeight), (accuracy, AccuracyHeight) };
        if (LearningRates(result) is { } rates) panels.Add((rates, LearningRateHeight));
        PanelStack.Save(path, Width, panels);
    }

    /// <summary>Height of the learning-rate panel, drawn under the accuracy panel when a spec has a schedule.</summary>
    public const int LearningRateHeight = 400;

    /// <summary>The figure's height: <see cref="LossHeight"/> + <see cref="AccuracyHeight"/>, and <see cref="LearningRateHeight"/> when the run recorded learning rates.</summary>
    public static int HeightOf(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return LossHeight + AccuracyHeight + (result.Histories.Any(h => h.LearningRates is { Count: > 0 }) ? LearningRateHeight : 0);
    }

    /// <summary>The learning rate of every iteration, per optimizer in its loss-curve color, as the run recorded it; null when it recorded none.</summary>
    private static ScottPlot.Plot? LearningRates(TrainingResult result)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var series = result.Histories.Select((h, k) => new LearningRateSeries(h.Optimizer, palette.GetColor(k), h.LearningRates ?? [])).ToList();
        var plot = LearningRatePanel.Build(series, "iteration", scale: 1.4f);
        return plot;
    }

    /// <summary>
    /// Ticks for a log10 axis from <paramref name="low"/> to <paramref name="high"/> (in log10 units): every power of ten,
    /// and 2 and 5 times each when the range spans under three decades, so a narrow range still gets labels.
    /// </summary>
    private static ScottPlot.TickGenerators.NumericManual LogTicks(double low, double high)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double[] majors = high - low < 3 ? [1, 2, 5] : [1];
        for (int k = (int)Math.Floor(low); k <= (int)Math.Ceiling(high); k++)
            for (int m = 1; m <= 9; m++)
            {
                double y = Math.Log10(m * Math.Pow(10, k));
                if (y < low || y > high) continue;
                if (majors.Contains(m)) ticks.AddMajor(y, (m * Math.Pow(10, k)).ToString("G3", System.Globalization.CultureInfo.InvariantCulture));
                else ticks.AddMinor(y);
            }
        return ticks;
    }
}
