using Descent.Functions;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Where the data area of a landscape picture lies in pixels. The layout is fixed (not measured by
/// ScottPlot at each render), so the background drawn once by ScottPlot and the paths drawn per frame
/// with SkiaSharp agree to the pixel.
/// </summary>
internal sealed class LandscapeLayout
{
    public LandscapeLayout(int width, int height, Domain view)
    {
        if (width < 64 || height < 64 || width > 10_000 || height > 10_000)
            throw new ArgumentOutOfRangeException(nameof(width), $"A landscape picture must be 64 to 10000 pixels a side; got {width}×{height}.");
        Width = width;
        Height = height;
        View = view;
        Scale = (float)Math.Clamp(Math.Min(width / 960.0, height / 640.0), 0.75, 3);
        Left = 62 * Scale;
        Right = 16 * Scale;
        Top = 36 * Scale + 8;
        Bottom = 50 * Scale;
    }

    public int Width { get; }
    public int Height { get; }
    public Domain View { get; }

    /// <summary>Size of fonts, lines and markers relative to the 960×640 default (not below 0.75, to stay readable).</summary>
    public float Scale { get; }

    public float Left { get; }
    public float Right { get; }
    public float Top { get; }
    public float Bottom { get; }

    public float DataWidth => Width - Left - Right;
    public float DataHeight => Height - Top - Bottom;

    public ScottPlot.PixelPadding Padding => new(Left, Right, Bottom, Top);

    public float PixelX(double x) => (float)(Left + (x - View.XMin) / View.Width * DataWidth);

    public float PixelY(double y) => (float)(Top + (View.YMax - y) / View.Height * DataHeight);
}
