using Descent.Lab.Render.Charts;
using Descent.Lab.Render.Files;
using Descent.Lab.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Descent.Lab.Render.Training;

/// <summary>
/// Draws a learning-history figure: the training-loss panel (<see cref="TrainingCharts.Loss"/>) above the
/// test-accuracy panel (<see cref="TrainingCharts.Accuracy"/>), in one PNG or SVG, so one file holds the whole
/// history (one picture per gallery card, one file per <c>--png</c>).
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
        var format = Figure.FormatOf(path);
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
        AtomicFile.Write(path, stream =>
        {
            if (format == ImageFormatChoice.Svg)
            {
                using var w = new StreamWriter(stream);
                w.Write(StackSvg(loss.GetSvgXml(Width, LossHeight), accuracy.GetSvgXml(Width, AccuracyHeight)));
                return;
            }
            using var top = Image.Load<Rgba32>(loss.GetImageBytes(Width, LossHeight, ScottPlot.ImageFormat.Png));
            using var bottom = Image.Load<Rgba32>(accuracy.GetImageBytes(Width, AccuracyHeight, ScottPlot.ImageFormat.Png));
            using var canvas = new Image<Rgba32>(Width, LossHeight + AccuracyHeight, Color.White);
            canvas.Mutate(c => c.DrawImage(top, new Point(0, 0), 1f).DrawImage(bottom, new Point(0, LossHeight), 1f));
            canvas.SaveAsPng(stream);
        });
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

    // Nested <svg> elements are positioned by their x/y attributes: the panels keep their own coordinates.
    private static string StackSvg(string top, string bottom) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{LossHeight + AccuracyHeight}\" viewBox=\"0 0 {Width} {LossHeight + AccuracyHeight}\">\n" +
        $"{Place(top, 0)}\n{Place(bottom, LossHeight)}\n</svg>\n";

    private static string Place(string svg, int y)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException("ScottPlot returned SVG without an <svg> element.");
        return $"<svg x=\"0\" y=\"{y}\"" + svg[(start + 4)..];
    }
}
