using ScottPlot;

namespace Descent.Lab.Render.Charts;

/// <summary>Draws a <see cref="LineChart"/> with ScottPlot: legend, grid, optional zero line, title and axis labels.</summary>
public static class LineChartRenderer
{
    /// <summary>Builds the ScottPlot plot for <paramref name="chart"/>.</summary>
    public static Plot Build(LineChart chart)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var palette = new ScottPlot.Palettes.Category10();
        int colorIndex = 0;
        if (chart.ZeroLine)
        {
            var zero = plot.Add.HorizontalLine(0);
            zero.Color = Colors.Black.WithAlpha(0.6);
            zero.LineWidth = 1;
        }
        foreach (var s in chart.Series)
        {
            double[] ys = [.. s.Y.Select(y => chart.LogY ? (y > 0 ? Math.Log10(y) : double.NaN) : y)];
            var line = plot.Add.ScatterLine([.. s.X], ys);
            line.LegendText = s.Label;
            if (s.Reference)
            {
                line.Color = Colors.Gray;
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dashed;
            }
            else
            {
                line.Color = palette.GetColor(colorIndex++);
                line.LineWidth = 2;
            }
            if (chart.Markers)
            {
                line.MarkerSize = 6;
                line.MarkerShape = MarkerShape.FilledCircle;
            }
        }
        if (chart.LogY)
        {
            var ticks = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = y => $"{Math.Pow(10, y):G3}",
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
            };
            plot.Axes.Left.TickGenerator = ticks;
        }
        plot.Title(chart.Title, size: 22);
        plot.XLabel(chart.XLabel, size: 18);
        plot.YLabel(chart.YLabel, size: 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        var legend = plot.ShowLegend(Alignment.UpperRight);
        legend.FontSize = 15;
        double xMin = chart.Series.Where(s => s.X.Count > 0).Select(s => s.X.Min()).DefaultIfEmpty(0).Min();
        double xMax = chart.Series.Where(s => s.X.Count > 0).Select(s => s.X.Max()).DefaultIfEmpty(1).Max();
        plot.Axes.AutoScale();
        if (xMax > xMin) plot.Axes.SetLimitsX(xMin, xMax);
        return plot;
    }

    /// <summary>Draws <paramref name="chart"/> to <paramref name="path"/> (.png or .svg).</summary>
    public static void Save(LineChart chart, string path, int width = Figure.DefaultWidth, int height = Figure.DefaultHeight) =>
        Figure.Save(Build(chart), path, width, height);
}
