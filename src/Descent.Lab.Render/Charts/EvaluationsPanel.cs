using ScottPlot;

namespace Descent.Lab.Render.Charts;

/// <summary>
/// The panel under a trajectory figure that races rules taking different numbers of gradient evaluations per step
/// (L-BFGS's iterations and line search, smoothed Nesterov's points): each path's loss against the evaluations it had
/// spent to reach that point, from the run's recorded counts, so the race is by work and not by steps.
/// </summary>
public static class EvaluationsPanel
{
    /// <summary>The panel's height as a fraction of the figure's width.</summary>
    public const double HeightPerWidth = 0.3;

    /// <summary>The panel's height under a figure <paramref name="width"/> pixels wide.</summary>
    public static int HeightFor(int width) => (int)Math.Round(HeightPerWidth * width);

    /// <summary>
    /// The panel (x: gradient evaluations spent, 0 at the start; y: the loss, on a log scale when every loss drawn is
    /// positive), one line per path in its color; null when no path carries evaluation counts.
    /// </summary>
    public static Plot? Build(IReadOnlyList<(string Label, Color Color, IReadOnlyList<double> Losses, IReadOnlyList<int>? Evaluations, int Drawable)> paths,
        float scale = 1, PixelPadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var drawn = paths.Where(p => p.Evaluations is not null && p.Drawable > 0).ToList();
        if (drawn.Count == 0) return null;
        bool log = drawn.All(p => p.Losses.Take(p.Drawable).All(v => v > 0));
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        if (padding is { } fixedPadding) plot.Layout.Fixed(fixedPadding);
        foreach (var p in drawn)
        {
            int n = Math.Min(p.Drawable, p.Evaluations!.Count + 1);
            var xs = new double[n];
            var ys = new double[n];
            long spent = 0;
            for (int k = 0; k < n; k++)
            {
                if (k > 0) spent += p.Evaluations[k - 1];
                xs[k] = spent;
                ys[k] = log ? Math.Log10(p.Losses[k]) : p.Losses[k];
            }
            var line = plot.Add.Scatter(xs, ys, p.Color);
            line.LineWidth = 2 * scale;
            line.MarkerSize = 3 * scale;
        }
        plot.Title("loss by gradient evaluations spent (a step of L-BFGS may take many)", size: 14 * scale);
        plot.XLabel("gradient evaluations", size: 13 * scale);
        plot.YLabel(log ? "log10 loss" : "loss", size: 13 * scale);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11 * scale;
        plot.Axes.Left.TickLabelStyle.FontSize = 11 * scale;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, TickDensity = 1 / scale };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 1 / scale };
        return plot;
    }
}
