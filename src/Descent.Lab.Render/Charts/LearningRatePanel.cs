using ScottPlot;

namespace Descent.Lab.Render.Charts;

/// <summary>
/// The small panel under a figure whose specs have a learning-rate schedule: the learning rate each
/// optimizer ran at, step by step, from the run's result (never recomputed here), one line per optimizer
/// in its color above. A figure without a schedule has no panel.
/// </summary>
public static class LearningRatePanel
{
    /// <summary>The panel's height as a fraction of the figure's width: a strip, not a second figure.</summary>
    public const double HeightPerWidth = 0.25;

    /// <summary>The panel's height under a figure <paramref name="width"/> pixels wide.</summary>
    public static int HeightFor(int width) => (int)Math.Round(HeightPerWidth * width);

    /// <summary>
    /// The panel for <paramref name="series"/> (x: step 1, 2, …; y: learning rate, linear), fonts scaled by
    /// <paramref name="scale"/> against a 960-pixel figure; null when no series has a rate to draw.
    /// <paramref name="padding"/> fixes the data area's margins, to line it up with the figure above.
    /// </summary>
    public static Plot? Build(IReadOnlyList<LearningRateSeries> series, string xLabel = "step", float scale = 1, PixelPadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var drawn = series.Where(s => s.Rates.Count > 0).ToList();
        if (drawn.Count == 0) return null;
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        if (padding is { } fixedPadding) plot.Layout.Fixed(fixedPadding);
        foreach (var s in drawn)
        {
            double[] xs = [.. Enumerable.Range(1, s.Rates.Count).Select(k => (double)k)];
            // One step is one value: a step function shows where a schedule jumps, and a one-step run still draws.
            var line = plot.Add.Scatter(xs, [.. s.Rates], s.Color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2 * scale;
            line.MarkerSize = s.Rates.Count == 1 ? 6 * scale : 0;
        }
        plot.Title("learning rate per step, as each optimizer ran", size: 14 * scale);
        plot.XLabel(xLabel, size: 13 * scale);
        plot.YLabel("learning rate", size: 13 * scale);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11 * scale;
        plot.Axes.Left.TickLabelStyle.FontSize = 11 * scale;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, TickDensity = 1 / scale };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 1 / scale };
        double max = drawn.SelectMany(s => s.Rates).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double min = Math.Min(0, drawn.SelectMany(s => s.Rates).Where(double.IsFinite).DefaultIfEmpty(0).Min());
        int steps = drawn.Max(s => s.Rates.Count);
        // From 0 (or below, for a negative rate) to a little above the highest rate: the eye reads each rate against 0.
        double top = max > min ? max + 0.06 * (max - min) : min + 1;
        plot.Axes.SetLimits(0.5, Math.Max(steps + 0.5, 1.5), min, top);
        return plot;
    }
}
