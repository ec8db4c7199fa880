using Descent.Functions;
using ScottPlot;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Puts value labels on contour lines the way matplotlib's <c>clabel(inline=True)</c> reads: along the
/// line, on a white patch that cuts it, at most one per line piece, never overlapping another label, the
/// legend, the start or a minimum.
/// </summary>
internal static class ContourLabeler
{
    private static readonly double[] Fractions = [0.5, 0.3, 0.7, 0.15, 0.85];

    public static void Place(Plot plot, List<(ContourLine Line, Color Color)> lines, LandscapeLayout layout,
        (float Left, float Top, float Right, float Bottom) legend, List<(float X, float Y, float R)> avoid, bool heatmap)
    {
        float s = layout.Scale;
        float font = LandscapeStyle.LabelFontSize * s;
        var placed = new List<(float X, float Y, float R)>();
        float minX = layout.Left, maxX = layout.Width - layout.Right, minY = layout.Top, maxY = layout.Height - layout.Bottom;
        foreach (var (line, color) in lines)
        {
            string text = ContourLevels.Format(line.Z);
            float halfWidth = (text.Length * font * 0.62f + 4 * s) / 2;
            var pixels = line.Path.Points.Select(p => (X: layout.PixelX(p.X), Y: layout.PixelY(p.Y))).ToArray();
            if (pixels.Length < 2) continue;
            var arc = new float[pixels.Length];
            for (int i = 1; i < pixels.Length; i++)
                arc[i] = arc[i - 1] + Distance(pixels[i - 1], pixels[i]);
            float length = arc[^1];
            if (length < 4 * halfWidth) continue;
            foreach (double fraction in Fractions)
            {
                float at = (float)(fraction * length);
                var (x, y) = PointAt(pixels, arc, at);
                if (x - halfWidth < minX || x + halfWidth > maxX || y - halfWidth < minY || y + halfWidth > maxY) continue;
                if (x + halfWidth > legend.Left && x - halfWidth < legend.Right && y + halfWidth > legend.Top && y - halfWidth < legend.Bottom) continue;
                if (placed.Any(p => Hypot(p.X - x, p.Y - y) < p.R + halfWidth + 6 * s)) continue;
                if (avoid.Any(p => Hypot(p.X - x, p.Y - y) < p.R + halfWidth)) continue;
                var (ax, ay) = PointAt(pixels, arc, Math.Max(0, at - halfWidth));
                var (bx, by) = PointAt(pixels, arc, Math.Min(length, at + halfWidth));
                double angle = Math.Atan2(by - ay, bx - ax) * 180 / Math.PI;
                if (angle > 90) angle -= 180;
                if (angle < -90) angle += 180;

                var label = plot.Add.Text(text, Inverse(layout, x, y));
                label.LabelFontSize = font;
                label.LabelFontName = LandscapeStyle.FontName;
                label.LabelFontColor = color.WithAlpha((byte)255);
                // Over a heatmap a lighter patch keeps the colors readable around the number.
                label.LabelBackgroundColor = Colors.White.WithAlpha(heatmap ? 0.6 : 0.85);
                label.LabelPadding = 1.5f * s;
                label.Alignment = Alignment.MiddleCenter;
                label.LabelRotation = (float)angle;
                placed.Add((x, y, halfWidth));
                break;
            }
        }
    }

    private static Coordinates Inverse(LandscapeLayout layout, float x, float y) => new(
        layout.View.XMin + (x - layout.Left) / layout.DataWidth * layout.View.Width,
        layout.View.YMax - (y - layout.Top) / layout.DataHeight * layout.View.Height);

    private static (float X, float Y) PointAt((float X, float Y)[] pixels, float[] arc, float at)
    {
        int i = Array.BinarySearch(arc, at);
        if (i >= 0) return pixels[i];
        i = ~i;
        if (i <= 0) return pixels[0];
        if (i >= pixels.Length) return pixels[^1];
        float span = arc[i] - arc[i - 1];
        float t = span > 0 ? (at - arc[i - 1]) / span : 0;
        return (pixels[i - 1].X + t * (pixels[i].X - pixels[i - 1].X), pixels[i - 1].Y + t * (pixels[i].Y - pixels[i - 1].Y));
    }

    private static float Distance((float X, float Y) a, (float X, float Y) b) => Hypot(a.X - b.X, a.Y - b.Y);

    private static float Hypot(float dx, float dy) => MathF.Sqrt(dx * dx + dy * dy);
}
