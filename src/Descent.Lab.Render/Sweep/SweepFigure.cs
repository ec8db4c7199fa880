using System.Globalization;
using Descent.Lab.Render.Charts;
using Descent.Lab.Sweep;
using ScottPlot;

namespace Descent.Lab.Render.Sweep;

/// <summary>
/// The sweep figure, read from a result: final loss against learning rate per optimizer (median and interquartile band
/// over starts or seeds, both axes log), a heatmap of the median final loss for each optimizer with exactly two grids,
/// and the robustness bars (good-lr band width in decades per optimizer). It runs nothing.
/// </summary>
public static class SweepFigure
{
    /// <summary>The height of each panel in pixels.</summary>
    public const int PanelHeight = 700;

    /// <summary>The curves of <paramref name="result"/>: one per optimizer with an <c>lr</c> grid and per value of its other grids.</summary>
    public static IReadOnlyList<SweepCurve> Curves(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var curves = new List<SweepCurve>();
        foreach (var optimizer in result.Optimizers)
        {
            int lr = IndexOfLr(optimizer);
            if (lr < 0) continue;
            var rows = result.Rows.Where(r => r.Optimizer == optimizer.Optimizer).ToList();
            foreach (var group in rows.GroupBy(r => string.Join(", ", r.Values.Where((_, i) => i != lr).Select((v, i) => $"{OtherKey(optimizer, lr, i)}={v}"))))
            {
                var points = group.GroupBy(r => Number(r.Values[lr])).OrderBy(g => g.Key)
                    .Select(g => (Lr: g.Key, Losses: g.Select(r => r.Outcome.Diverged ? double.PositiveInfinity : r.Outcome.FinalLoss).Order().ToArray()))
                    .ToList();
                curves.Add(new SweepCurve
                {
                    Label = group.Key.Length == 0 ? optimizer.Optimizer : $"{optimizer.Optimizer} [{group.Key}]",
                    LearningRates = points.Select(p => p.Lr).ToList(),
                    Median = points.Select(p => Quantile(p.Losses, 0.5)).ToList(),
                    Lower = points.Select(p => Quantile(p.Losses, 0.25)).ToList(),
                    Upper = points.Select(p => Quantile(p.Losses, 0.75)).ToList(),
                });
            }
        }
        return curves;
    }

    /// <summary>The <paramref name="q"/>-quantile of sorted <paramref name="sorted"/>, interpolated linearly between neighbours (NumPy's default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        double at = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(at), hi = (int)Math.Ceiling(at);
        if (lo == hi) return sorted[lo];
        double a = sorted[lo], b = sorted[hi];
        return double.IsInfinity(a) || double.IsInfinity(b) ? (at - lo < 0.5 ? a : b) : a + (b - a) * (at - lo);
    }

    /// <summary>Draws the figure of <paramref name="result"/> to <paramref name="path"/> (.png or .svg), panels stacked.</summary>
    public static void Save(SweepResult result, string path, string? title = null, int width = Figure.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(result);
        var panels = new List<(Plot, int)>();
        var curves = Curves(result);
        if (curves.Count > 0) panels.Add((LossAgainstRate(result, curves, title), PanelHeight));
        foreach (var optimizer in result.Optimizers.Where(o => o.Axes.Count == 2))
            panels.Add((Heatmap(result, optimizer), PanelHeight));
        if (result.Summaries.Any(s => s.GoodLrDecades is not null)) panels.Add((Robustness(result), PanelHeight * 2 / 3));
        if (panels.Count == 0) panels.Add((BestCells(result, title), PanelHeight));
        PanelStack.Save(path, width, panels);
    }

    private static Plot LossAgainstRate(SweepResult result, IReadOnlyList<SweepCurve> curves, string? title)
    {
        var plot = NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        bool logY = curves.SelectMany(c => c.Median).Where(double.IsFinite).All(v => v > 0);
        double Y(double v) => !double.IsFinite(v) ? double.NaN : logY ? Math.Log10(v) : v;
        for (int i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            var color = palette.GetColor(i);
            double[] xs = [.. c.LearningRates.Select(Math.Log10)];
            // The band only where both quartiles are finite: a quartile that diverged has no place on the axis.
            var band = Enumerable.Range(0, xs.Length).Where(k => double.IsFinite(Y(c.Lower[k])) && double.IsFinite(Y(c.Upper[k]))).ToArray();
            if (band.Length > 1)
            {
                var fill = plot.Add.FillY([.. band.Select(k => xs[k])], [.. band.Select(k => Y(c.Upper[k]))], [.. band.Select(k => Y(c.Lower[k]))]);
                fill.FillColor = color.WithAlpha(0.18);
                fill.LineColor = Colors.Transparent;
            }
            var line = plot.Add.ScatterLine(xs, [.. c.Median.Select(Y)]);
            line.LegendText = c.Label;
            line.Color = color;
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
            line.MarkerShape = MarkerShape.FilledCircle;
        }
        plot.Axes.Bottom.TickGenerator = LogTicks();
        if (logY) plot.Axes.Left.TickGenerator = LogTicks();
        string per = result.Config.Function is not null ? $"{result.Config.Starts} start{(result.Config.Starts == 1 ? "" : "s")}" : $"{result.Config.Seeds} seed{(result.Config.Seeds == 1 ? "" : "s")}";
        plot.Title(title ?? $"{result.Problem}: final loss after {result.Steps} {(result.Config.Function is not null ? "steps" : "epochs")} (median and quartiles over {per})", size: 20);
        plot.XLabel("learning rate", size: 18);
        plot.YLabel(result.Config.Function is not null ? "final loss" : "final test loss", size: 18);
        plot.ShowLegend(Alignment.UpperLeft).FontSize = 14;
        return plot;
    }

    private static Plot Heatmap(SweepResult result, SweepOptimizer optimizer)
    {
        var plot = NewPlot();
        var a = optimizer.Axes[0];
        var b = optimizer.Axes[1];
        var rows = result.Rows.Where(r => r.Optimizer == optimizer.Optimizer).GroupBy(r => r.Cell)
            .ToDictionary(g => g.Key, g => SweepSummaries.Median(g.Select(r => r.Outcome.Diverged ? double.PositiveInfinity : r.Outcome.FinalLoss).ToList()));
        var values = new double[b.Values.Count, a.Values.Count];
        bool log = rows.Values.Where(double.IsFinite).All(v => v > 0);
        for (int i = 0; i < a.Values.Count; i++)
            for (int j = 0; j < b.Values.Count; j++)
            {
                double v = rows.GetValueOrDefault(i * b.Values.Count + j, double.NaN);
                // Row 0 of a ScottPlot heatmap is drawn at the top: the last value of the second grid goes first.
                values[b.Values.Count - 1 - j, i] = !double.IsFinite(v) ? double.NaN : log ? Math.Log10(v) : v;
            }
        var map = plot.Add.Heatmap(values);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.NaNCellColor = Colors.LightGray;
        var bar = plot.Add.ColorBar(map);
        bar.Label = log ? "log10 median final loss (grey: diverged)" : "median final loss (grey: diverged)";
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, a.Values.Count).Select(i => (double)i)], [.. a.Values.Select(v => Short(v))]);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, b.Values.Count).Select(j => (double)j)], [.. b.Values.Select(v => Short(v))]);
        plot.Title($"{optimizer.Optimizer}: median final loss per cell", size: 20);
        plot.XLabel(a.Key, size: 18);
        plot.YLabel(b.Key, size: 18);
        return plot;
    }

    private static Plot Robustness(SweepResult result)
    {
        var plot = NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        var summaries = result.Summaries.Where(s => s.GoodLrDecades is not null).ToList();
        var bars = summaries.Select((s, i) => new Bar { Position = i, Value = s.GoodLrDecades!.Value, FillColor = palette.GetColor(i) }).ToList();
        plot.Add.Bars(bars);
        for (int i = 0; i < summaries.Count; i++)
        {
            string label = summaries[i].GoodLrDecades!.Value.ToString("0.##", CultureInfo.InvariantCulture)
                + (summaries[i].ReachedShare is double share ? " · " + share.ToString("P0", CultureInfo.InvariantCulture) + " reach target" : "");
            var text = plot.Add.Text(label, i, summaries[i].GoodLrDecades!.Value);
            text.LabelFontSize = 14;
            text.LabelAlignment = Alignment.LowerCenter;
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, summaries.Count).Select(i => (double)i)], [.. summaries.Select(s => Short(s.Optimizer, 40))]);
        plot.Axes.Margins(0.05, 0.2);
        plot.Title("How forgiving: width of the good-lr band (median final loss within 10% of the best), in decades", size: 18);
        plot.YLabel("decades", size: 18);
        return plot;
    }

    private static Plot BestCells(SweepResult result, string? title)
    {
        var plot = NewPlot();
        var bars = result.Summaries.Select((s, i) => new Bar { Position = i, Value = s.BestMedianLoss }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, bars.Count).Select(i => (double)i)], [.. result.Summaries.Select(s => Short(s.Optimizer, 40))]);
        plot.Title(title ?? $"{result.Problem}: best median final loss per optimizer", size: 20);
        return plot;
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
    };

    private static int IndexOfLr(SweepOptimizer optimizer)
    {
        for (int i = 0; i < optimizer.Axes.Count; i++)
            if (optimizer.Axes[i].Key.Equals("lr", StringComparison.OrdinalIgnoreCase)
                && optimizer.Axes[i].Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0))
                return i;
        return -1;
    }

    private static string OtherKey(SweepOptimizer optimizer, int lr, int i) => optimizer.Axes[i < lr ? i : i + 1].Key;

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Short(string text) => Short(text, 12);

    private static string Short(string text, int max) => text.Length <= max ? text
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v.ToString("G3", CultureInfo.InvariantCulture) : text[..(max - 1)] + "…";
}
