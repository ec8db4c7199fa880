using Descent.Functions;
using Descent.Lab.Render.Charts;
using ScottPlot;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// The lecture's final picture of a landscape: contour lines labelled with their values (an optional
/// heatmap underneath), each optimizer's path as a line with a dot at its last point, the start and the
/// known minima marked, and a legend in the corner the paths use least. PNG or SVG by extension.
/// </summary>
public static class LandscapeFigure
{
    /// <summary>Default width in pixels (the lecture's figures are 12×8 inches, 3:2).</summary>
    public const int DefaultWidth = 960;

    /// <summary>Default height in pixels.</summary>
    public const int DefaultHeight = 640;

    /// <summary>Builds the ScottPlot plot of <paramref name="scene"/> laid out for <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static Plot Build(LandscapeScene scene, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var layout = new LandscapeLayout(width, height, scene.Domain);
        var grid = LandscapeGrid.Sample(scene);
        var paths = scene.Paths.Select(p => PathGeometry.From(p, scene.Domain)).ToArray();
        return Build(scene, grid, layout, paths, drawPaths: true);
    }

    /// <summary>
    /// Draws <paramref name="scene"/> to <paramref name="path"/> (.png or .svg), atomically: the landscape at
    /// <paramref name="width"/>×<paramref name="height"/> and, when a path carries learning rates (a spec with a
    /// schedule), the learning-rate panel under it (<see cref="HeightOf"/>), and when the run counted gradient evaluations
    /// (a rule such as lbfgs that takes other than one per step) a panel of each path's loss by evaluations spent, last:
    /// the fair race between L-BFGS and first-order rules. Stills only; the animation keeps its step cursor.
    /// </summary>
    public static void Save(LandscapeScene scene, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        Figure.FormatOf(path);
        using var plot = Build(scene, width, height);
        using var rates = BuildLearningRatePanel(scene, width, height);
        using var evaluations = BuildEvaluationsPanel(scene, width, height);
        if (rates is null && evaluations is null)
        {
            Figure.Save(plot, path, width, height);
            return;
        }
        var panels = new List<(Plot, int)> { (plot, height) };
        if (rates is not null) panels.Add((rates, LearningRatePanel.HeightFor(width)));
        if (evaluations is not null) panels.Add((evaluations, EvaluationsPanel.HeightFor(width)));
        PanelStack.Save(path, width, panels);
    }

    /// <summary>The loss-by-evaluations panel of <paramref name="scene"/>, or null when no path carries evaluation counts.</summary>
    public static Plot? BuildEvaluationsPanel(LandscapeScene scene, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (!scene.Paths.Any(p => p.Evaluations is not null && p.Losses is not null)) return null;
        var layout = new LandscapeLayout(width, height, scene.Domain);
        return EvaluationsPanel.Build([.. scene.Paths.Select((p, i) => (p.Label, LandscapeStyle.PathColor(i), p.Losses ?? [], p.Evaluations,
            p.Losses is null ? 0 : Math.Min(p.Losses.Count, p.DivergedAtStep ?? p.Count)))], layout.Scale, LearningRatePadding(layout));
    }

    /// <summary>The height of the saved picture: <paramref name="height"/>, plus the learning-rate panel's when a path carries learning rates.</summary>
    public static int HeightOf(LandscapeScene scene, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return height + (HasLearningRates(scene) ? LearningRatePanel.HeightFor(width) : 0);
    }

    private static bool HasLearningRates(LandscapeScene scene) => scene.Paths.Any(p => p.LearningRates is { Count: > 0 });

    /// <summary>
    /// The panel of each path's learning rate per step, in the path's color, or null when no path carries any;
    /// fonts scaled as the landscape's.
    /// </summary>
    public static Plot? BuildLearningRatePanel(LandscapeScene scene, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (!HasLearningRates(scene)) return null;
        var layout = new LandscapeLayout(width, height, scene.Domain);
        var series = scene.Paths.Select((p, i) => new LearningRateSeries(p.Label, LandscapeStyle.PathColor(i), p.LearningRates ?? [])).ToList();
        return LearningRatePanel.Build(series, "step", layout.Scale, LearningRatePadding(layout));
    }

    /// <summary>
    /// The learning-rate panel's margins: its data area spans the landscape's, so step k sits under the same stretch of
    /// width in both; the animation draws its step cursor inside it.
    /// </summary>
    internal static PixelPadding LearningRatePadding(LandscapeLayout layout) =>
        new(layout.Left, layout.Right, 46 * layout.Scale, 40 * layout.Scale);

    /// <summary>
    /// The plot with everything but (unless <paramref name="drawPaths"/>) the paths themselves: the
    /// animation draws this once as its background and adds the paths per frame.
    /// </summary>
    internal static Plot Build(LandscapeScene scene, LandscapeGrid grid, LandscapeLayout layout, PathGeometry[] paths, bool drawPaths)
    {
        var plot = new Plot();
        plot.Font.Set(LandscapeStyle.FontName);
        plot.Layout.Fixed(layout.Padding);
        plot.HideGrid();
        float s = layout.Scale;

        var legendItems = LegendItems(scene, s);
        var legendBox = PlaceLegend(scene, layout, paths, legendItems, out Alignment legendCorner);

        if (scene.Heatmap) AddHeatmap(plot, grid);
        var lines = AddContours(plot, grid, scene.Heatmap, s);
        var avoid = new List<(float X, float Y, float R)>();
        if (scene.Start is { } start) avoid.Add((layout.PixelX(start.X), layout.PixelY(start.Y), 14 * s));
        foreach (var m in scene.Minima) avoid.Add((layout.PixelX(m.X), layout.PixelY(m.Y), 12 * s));
        ContourLabeler.Place(plot, lines, layout, legendBox, avoid, scene.Heatmap);

        int last = paths.Select(p => p.Count - 1).DefaultIfEmpty(0).Max();
        if (drawPaths)
            for (int i = 0; i < paths.Length; i++) AddPathLine(plot, paths[i], LandscapeStyle.PathColor(i), last, s);

        // Lines, then the marks, then the current points (the frames draw in the same order): a path crossing
        // a minimum does not hide it, and a path that reached one shows its dot there.
        foreach (var m in scene.Minima.Where(m => !m.IsGlobal)) AddMinimum(plot, m.X, m.Y, LandscapeStyle.LocalMinimumColor, LandscapeStyle.LocalMinimumScale * s);
        foreach (var m in scene.Minima.Where(m => m.IsGlobal)) AddMinimum(plot, m.X, m.Y, LandscapeStyle.GlobalMinimumColor, s);
        if (scene.Start is { } st)
        {
            var marker = plot.Add.Marker(st.X, st.Y, MarkerShape.OpenCircle, LandscapeStyle.StartMarkerSize * s, LandscapeStyle.StartColor);
            marker.MarkerLineWidth = LandscapeStyle.StartLineWidth * s;
        }

        if (drawPaths)
            for (int i = 0; i < paths.Length; i++) AddCurrentPoint(plot, paths[i], LandscapeStyle.PathColor(i), last, s);

        var legend = plot.ShowLegend(legendItems, legendCorner);
        legend.FontSize = LandscapeStyle.LegendFontSize * s;
        legend.FontName = LandscapeStyle.FontName;
        legend.BackgroundColor = Colors.White.WithAlpha(0.9);
        legend.OutlineColor = Colors.Gray;
        legend.Margin = new PixelPadding(8 * s);
        legend.SymbolWidth = 26 * s;
        legend.SymbolHeight = 10 * s;
        legend.SymbolPadding = 6 * s;

        plot.Title(scene.Title, size: 17 * s);
        plot.XLabel("x", size: 15 * s);
        plot.YLabel("y", size: 15 * s);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12 * s;
        plot.Axes.Left.TickLabelStyle.FontSize = 12 * s;
        // ScottPlot packs ticks as tight as the labels allow; a figure scaled up should keep the default's spacing.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 1 / s };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 1 / s };
        plot.Axes.SetLimits(scene.Domain.XMin, scene.Domain.XMax, scene.Domain.YMin, scene.Domain.YMax);
        return plot;
    }

    private static List<LegendItem> LegendItems(LandscapeScene scene, float s)
    {
        var items = new List<LegendItem>();
        for (int i = 0; i < scene.Paths.Count; i++)
        {
            items.Add(new LegendItem
            {
                LabelText = scene.Paths[i].LegendText,
                LineColor = LandscapeStyle.PathColor(i),
                LineWidth = LandscapeStyle.PathWidth * s,
                MarkerShape = scene.Paths[i].Diverged ? MarkerShape.Eks : MarkerShape.FilledCircle,
                MarkerSize = (scene.Paths[i].Diverged ? 9 : 8) * s,
                MarkerFillColor = LandscapeStyle.PathColor(i),
                MarkerLineColor = LandscapeStyle.PathColor(i),
                MarkerLineWidth = 2 * s,
            });
        }
        if (scene.Start is not null)
            items.Add(new LegendItem
            {
                LabelText = "start",
                MarkerShape = MarkerShape.OpenCircle,
                MarkerSize = 10 * s,
                MarkerLineColor = LandscapeStyle.StartColor,
                MarkerLineWidth = 2 * s,
                LineWidth = 0,
            });
        if (scene.Minima.Any(m => m.IsGlobal))
            items.Add(new LegendItem
            {
                LabelText = "global minimum",
                MarkerShape = MarkerShape.Eks,
                MarkerSize = 10 * s,
                MarkerLineColor = LandscapeStyle.GlobalMinimumColor,
                MarkerLineWidth = 2.5f * s,
                LineWidth = 0,
            });
        if (scene.Minima.Any(m => !m.IsGlobal))
            items.Add(new LegendItem
            {
                LabelText = "local minimum",
                MarkerShape = MarkerShape.Eks,
                MarkerSize = 8 * s,
                MarkerLineColor = LandscapeStyle.LocalMinimumColor,
                MarkerLineWidth = 2 * s,
                LineWidth = 0,
            });
        return items;
    }

    /// <summary>
    /// The corner whose legend box covers the fewest path points, the start and the minima
    /// (matplotlib's <c>loc="best"</c>, with the upper right winning ties); returns the box in pixels.
    /// </summary>
    private static (float Left, float Top, float Right, float Bottom) PlaceLegend(
        LandscapeScene scene, LandscapeLayout layout, PathGeometry[] paths, List<LegendItem> items, out Alignment corner)
    {
        float s = layout.Scale;
        float font = LandscapeStyle.LegendFontSize * s;
        int chars = items.Select(i => i.LabelText?.Length ?? 0).DefaultIfEmpty(0).Max();
        float w = 50 * s + chars * font * 0.6f;
        float h = items.Count * font * 1.55f + 14 * s;
        float margin = 8 * s;
        float l = layout.Left + margin, r = layout.Width - layout.Right - margin, t = layout.Top + margin, b = layout.Height - layout.Bottom - margin;
        var candidates = new (Alignment A, (float, float, float, float) Box)[]
        {
            (Alignment.UpperRight, (r - w, t, r, t + h)),
            (Alignment.UpperLeft, (l, t, l + w, t + h)),
            (Alignment.LowerRight, (r - w, b - h, r, b)),
            (Alignment.LowerLeft, (l, b - h, l + w, b)),
        };
        var points = new List<(float X, float Y, int Weight)>();
        foreach (var p in paths)
        {
            foreach (var line in p.Polylines(int.MaxValue))
                foreach (var (x, y) in Densify(line, scene.Domain))
                    points.Add((layout.PixelX(x), layout.PixelY(y), 1));
            if (p.TryCurrent(int.MaxValue, out double cx, out double cy)) points.Add((layout.PixelX(cx), layout.PixelY(cy), 20));
        }
        if (scene.Start is { } st) points.Add((layout.PixelX(st.X), layout.PixelY(st.Y), 100));
        foreach (var m in scene.Minima) points.Add((layout.PixelX(m.X), layout.PixelY(m.Y), m.IsGlobal ? 30 : 5));

        var best = candidates[0];
        int bestScore = int.MaxValue;
        foreach (var c in candidates)
        {
            var (bl, bt, br, bb) = c.Box;
            int score = points.Where(p => p.X >= bl - 6 && p.X <= br + 6 && p.Y >= bt - 6 && p.Y <= bb + 6).Sum(p => p.Weight);
            if (score < bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        corner = best.A;
        return best.Box;
    }

    // Points every ~1/100 of the view along a polyline, so a long straight jump counts where it passes.
    private static IEnumerable<(double X, double Y)> Densify(List<(double X, double Y)> line, Functions.Domain view)
    {
        double unit = Math.Max(view.Width, view.Height) / 100;
        for (int i = 0; i < line.Count; i++)
        {
            yield return line[i];
            if (i + 1 == line.Count) break;
            double dx = line[i + 1].X - line[i].X, dy = line[i + 1].Y - line[i].Y;
            int n = (int)Math.Min(200, Math.Sqrt(dx * dx + dy * dy) / unit);
            for (int k = 1; k < n; k++) yield return (line[i].X + dx * k / n, line[i].Y + dy * k / n);
        }
    }

    private static void AddHeatmap(Plot plot, LandscapeGrid grid)
    {
        int rows = grid.Ys.Length, cols = grid.Xs.Length;
        var intensities = new double[rows, cols];
        bool log = grid.Spacing == ContourSpacing.Logarithmic;
        double floor = log ? Math.Max((grid.Levels.Count > 0 ? grid.Levels[0] : 1) - grid.Base, 1e-300) / 2 : 0;
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < cols; i++)
            {
                double v = grid.Values[j, i];
                // Row 0 of a ScottPlot heatmap is drawn at the top; the grid's row 0 is the lowest y.
                intensities[rows - 1 - j, i] = !double.IsFinite(v) ? double.NaN : log ? Math.Log10(Math.Max(v - grid.Base, floor)) : v;
            }
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Opacity = 0.55;
        heatmap.NaNCellColor = Colors.Transparent;
        double dx = (grid.Xs[^1] - grid.Xs[0]) / Math.Max(1, cols - 1) / 2, dy = (grid.Ys[^1] - grid.Ys[0]) / Math.Max(1, rows - 1) / 2;
        heatmap.Extent = new CoordinateRect(grid.Xs[0] - dx, grid.Xs[^1] + dx, grid.Ys[0] - dy, grid.Ys[^1] + dy);
    }

    private static List<(ContourLine Line, Color Color)> AddContours(Plot plot, LandscapeGrid grid, bool heatmap, float s)
    {
        var result = new List<(ContourLine, Color)>();
        if (grid.Levels.Count == 0) return result;
        var (min, max) = grid.FiniteRange();
        double span = Math.Max(max - min, 1);
        double below = Math.Max(min - 10 * span, -1e300), above = Math.Min(max + 10 * span, 1e300);
        int rows = grid.Ys.Length, cols = grid.Xs.Length;
        var coordinates = new Coordinates3d[rows, cols];
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < cols; i++)
            {
                double v = grid.Values[j, i];
                // Marching squares needs numbers: a hole (NaN, ±∞) becomes a value beyond every level.
                if (!double.IsFinite(v)) v = double.IsNegativeInfinity(v) ? below : above;
                coordinates[j, i] = new Coordinates3d(grid.Xs[i], grid.Ys[j], v);
            }
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (int k = 0; k < grid.Levels.Count; k++)
        {
            double fraction = grid.Levels.Count == 1 ? 0.4 : 0.88 * k / (grid.Levels.Count - 1);
            Color color = heatmap ? Color.FromHex("#2b2b2b").WithAlpha(0.6) : colormap.GetColor(fraction);
            var contour = new ScottPlot.Plottables.ContourLines { ContourLineLevels = [grid.Levels[k]] };
            contour.Update(coordinates);
            contour.LineColor = color;
            contour.LineWidth = 1.1f * s;
            contour.LabelStyle.IsVisible = false;
            plot.Add.Plottable(contour);
            foreach (var line in contour.Lines) result.Add((line, heatmap ? Color.FromHex("#1a1a1a") : color));
        }
        return result;
    }

    private static void AddMinimum(Plot plot, double x, double y, Color color, float s)
    {
        var halo = plot.Add.Marker(x, y, MarkerShape.Eks, LandscapeStyle.MinimumMarkerSize * s, Colors.White);
        halo.MarkerLineWidth = LandscapeStyle.MinimumHaloWidth * s;
        var marker = plot.Add.Marker(x, y, MarkerShape.Eks, LandscapeStyle.MinimumMarkerSize * s, color);
        marker.MarkerLineWidth = LandscapeStyle.MinimumLineWidth * s;
    }

    private static void AddPathLine(Plot plot, PathGeometry path, Color color, int step, float s)
    {
        foreach (var line in path.Polylines(step))
        {
            double[] xs = [.. line.Select(p => p.X)];
            double[] ys = [.. line.Select(p => p.Y)];
            var halo = plot.Add.ScatterLine(xs, ys, LandscapeStyle.Halo);
            halo.LineWidth = LandscapeStyle.HaloWidth * s;
            var scatter = plot.Add.ScatterLine(xs, ys, color);
            scatter.LineWidth = LandscapeStyle.PathWidth * s;
        }
    }

    private static void AddCurrentPoint(Plot plot, PathGeometry path, Color color, int step, float s)
    {
        if (!path.TryCurrent(step, out double x, out double y)) return;
        if (path.Diverged && step >= path.Count - 1)
        {
            var halo = plot.Add.Marker(x, y, MarkerShape.Eks, 12 * s, Colors.White);
            halo.MarkerLineWidth = 5 * s;
            var cross = plot.Add.Marker(x, y, MarkerShape.Eks, 11 * s, color);
            cross.MarkerLineWidth = 2.5f * s;
            return;
        }
        plot.Add.Marker(x, y, MarkerShape.FilledCircle, (LandscapeStyle.CurrentMarkerSize + 3) * s, Colors.White);
        plot.Add.Marker(x, y, MarkerShape.FilledCircle, LandscapeStyle.CurrentMarkerSize * s, color);
    }
}
