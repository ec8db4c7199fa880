using Descent.Lab.Render.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Descent.Lab.Render.Charts;

/// <summary>
/// Saves plots stacked top to bottom, all one width, as one PNG or SVG (by extension), atomically: the
/// learning-history figure's loss over accuracy, a figure over its learning-rate panel.
/// </summary>
public static class PanelStack
{
    /// <summary>Draws each plot at <paramref name="width"/> × its height, top first, into <paramref name="path"/>.</summary>
    public static void Save(string path, int width, IReadOnlyList<(ScottPlot.Plot Plot, int Height)> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("At least one panel is needed.", nameof(panels));
        var format = Figure.FormatOf(path);
        int total = panels.Sum(p => p.Height);
        AtomicFile.Write(path, stream =>
        {
            if (format == ImageFormatChoice.Svg)
            {
                using var w = new StreamWriter(stream);
                w.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">\n");
                int y = 0;
                foreach (var (plot, height) in panels)
                {
                    w.Write(Place(plot.GetSvgXml(width, height), y));
                    w.Write('\n');
                    y += height;
                }
                w.Write("</svg>\n");
                return;
            }
            using var canvas = new Image<Rgba32>(width, total, Color.White);
            int top = 0;
            foreach (var (plot, height) in panels)
            {
                using var image = Image.Load<Rgba32>(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
                int at = top;
                canvas.Mutate(c => c.DrawImage(image, new Point(0, at), 1f));
                top += height;
            }
            canvas.SaveAsPng(stream);
        });
    }

    // Nested <svg> elements are positioned by their x/y attributes: the panels keep their own coordinates.
    private static string Place(string svg, int y)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException("ScottPlot returned SVG without an <svg> element.");
        return $"<svg x=\"0\" y=\"{y}\"" + svg[(start + 4)..];
    }
}
