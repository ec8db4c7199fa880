using Descent.Lab.Render.Files;

namespace Descent.Lab.Render.Charts;

/// <summary>Saving ScottPlot plots: the default size, the format by extension, and atomic writes.</summary>
public static class Figure
{
    /// <summary>Default width in pixels (the lecture's figures are wide).</summary>
    public const int DefaultWidth = 1600;

    /// <summary>Default height in pixels.</summary>
    public const int DefaultHeight = 900;

    /// <summary>The format <paramref name="path"/>'s extension asks for; anything but .svg is PNG... unless unknown.</summary>
    public static ImageFormatChoice FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => ImageFormatChoice.Png,
        ".svg" => ImageFormatChoice.Svg,
        var ext => throw new ArgumentException($"Cannot save a figure as '{ext}'; valid extensions: .png, .svg."),
    };

    /// <summary>Saves <paramref name="plot"/> to <paramref name="path"/> (PNG or SVG by extension), atomically.</summary>
    public static void Save(ScottPlot.Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        var format = FormatOf(path);
        AtomicFile.Write(path, stream =>
        {
            if (format == ImageFormatChoice.Svg)
            {
                using var w = new StreamWriter(stream);
                w.Write(plot.GetSvgXml(width, height));
            }
            else
            {
                stream.Write(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
            }
        });
    }
}
