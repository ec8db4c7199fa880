using Descent.Lab.Render.Charts;
using SkiaSharp;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Draws animation frames fast: the background (heatmap, contours, labels, marks, legend) is rendered by
/// ScottPlot once; each frame draws the paths up to its step with SkiaSharp, in the same fixed layout.
/// A frame after the previous one redraws only the rectangles its new segments and moved points touch
/// (background, then every path's segments that reach into the rectangle, in the full frame's order),
/// so a frame costs its new segments, not the whole path: 1000 steps of 12 paths do not cost 1000² segments.
/// A scene whose paths carry learning rates gets the learning-rate panel under the landscape, drawn once with the
/// background, and a cursor in it at each frame's step.
/// </summary>
internal sealed class LandscapeFrameRenderer : IDisposable
{
    private readonly LandscapeLayout _layout;
    private readonly PathGeometry[] _paths;
    private readonly LandscapeScene _scene;
    private readonly SKBitmap _background;
    private readonly SKBitmap _frame;
    private readonly SKCanvas _canvas;
    private readonly SKPaint _halo;
    private readonly SKPaint _line;
    private readonly SKPaint _fill;
    private readonly Segment[][] _segments;
    // Per path and point: whether the polyline keeps the point as a vertex, and the first segment that can move when a frame ends there.
    private readonly bool[][] _kept;
    private readonly int[][] _anchor;
    private int _drawn = -1;
    // The learning-rate panel under the landscape: its height (0 for none), the steps on its x axis, and its data area.
    private readonly int _panelHeight;
    private readonly int _panelSteps;
    private readonly SKRect _panelArea;
    private readonly SKPaint _cursor;

    /// <summary>A path's segment in pixels, clipped as <see cref="PathGeometry.Polylines"/> clips it.</summary>
    private readonly record struct Segment(bool Visible, float X0, float Y0, float X1, float Y1, bool CutStart, bool CutEnd)
    {
        public bool Touches(SKRect r, float margin) =>
            Visible && Math.Max(X0, X1) + margin >= r.Left && Math.Min(X0, X1) - margin <= r.Right &&
            Math.Max(Y0, Y1) + margin >= r.Top && Math.Min(Y0, Y1) - margin <= r.Bottom;
    }

    public LandscapeFrameRenderer(LandscapeScene scene, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(scene);
        _scene = scene;
        _layout = new LandscapeLayout(width, height, scene.Domain);
        var grid = LandscapeGrid.Sample(scene);
        _paths = [.. scene.Paths.Select(p => PathGeometry.From(p, scene.Domain))];
        LastStep = scene.Paths.Select(p => p.Count - 1).DefaultIfEmpty(0).Max();
        if (LastStep < 0) LastStep = 0;

        using var panel = LandscapeFigure.BuildLearningRatePanel(scene, width, height);
        if (panel is not null)
        {
            _panelHeight = LearningRatePanel.HeightFor(width);
            _panelSteps = Math.Max(1, scene.Paths.Max(p => p.LearningRates?.Count ?? 0));
            var padding = LandscapeFigure.LearningRatePadding(_layout);
            _panelArea = new SKRect(padding.Left, height + padding.Top, width - padding.Right, height + _panelHeight - padding.Bottom);
        }
        var info = new SKImageInfo(width, height + _panelHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        _background = new SKBitmap(info);
        using (var backgroundCanvas = new SKCanvas(_background))
        {
            backgroundCanvas.Clear(SKColors.White);
            using var plot = LandscapeFigure.Build(scene, grid, _layout, _paths, drawPaths: false);
            plot.Render(backgroundCanvas, width, height);
            if (panel is not null)
            {
                // Drawn on its own bitmap, then placed: the plot renders from the canvas origin.
                using var rates = new SKBitmap(new SKImageInfo(width, _panelHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
                using (var ratesCanvas = new SKCanvas(rates))
                {
                    ratesCanvas.Clear(SKColors.White);
                    panel.Render(ratesCanvas, width, _panelHeight);
                }
                backgroundCanvas.DrawBitmap(rates, 0, height);
            }
        }
        _frame = new SKBitmap(info);
        _canvas = new SKCanvas(_frame);
        float s = _layout.Scale;
        _halo = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = LandscapeStyle.HaloWidth * s,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round, Color = ToSk(LandscapeStyle.Halo),
        };
        _line = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = LandscapeStyle.PathWidth * s,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round,
        };
        _fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        _cursor = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * s, Color = new SKColor(0x40, 0x40, 0x40) };
        _segments = [.. _paths.Select(p =>
        {
            var segments = new Segment[Math.Max(0, p.Count)];
            for (int k = 1; k < p.Count; k++)
                segments[k] = p.Segment(k, out double x0, out double y0, out double x1, out double y1, out bool cutStart, out bool cutEnd)
                    ? new Segment(true, _layout.PixelX(x0), _layout.PixelY(y0), _layout.PixelX(x1), _layout.PixelY(y1), cutStart, cutEnd)
                    : default;
            return segments;
        })];
        _kept = new bool[_paths.Length][];
        _anchor = new int[_paths.Length][];
        for (int i = 0; i < _paths.Length; i++) Thin(_segments[i], out _kept[i], out _anchor[i]);
    }

    /// <summary>Points closer than this (in pixels) to the last vertex are left out of a polyline, except the one a frame ends at.</summary>
    internal const float MinVertexDistance = 0.5f;

    /// <summary>
    /// Leaves out of each polyline the points within <see cref="MinVertexDistance"/> of its last vertex: a path that has
    /// settled at a minimum takes hundreds of sub-pixel steps, which would otherwise be stroked again in every frame.
    /// </summary>
    private static void Thin(Segment[] segments, out bool[] kept, out int[] anchor)
    {
        int n = segments.Length;
        kept = new bool[n];
        anchor = new int[n];
        bool open = false;
        float ax = 0, ay = 0;
        int anchorSegment = 0;
        for (int k = 1; k < n; k++)
        {
            var sg = segments[k];
            if (!sg.Visible)
            {
                open = false;
                anchor[k] = k;
                continue;
            }
            if (!open || sg.CutStart)
            {
                (ax, ay) = (sg.X0, sg.Y0);
                anchorSegment = k;
                open = true;
            }
            bool breaksAfter = sg.CutEnd || k + 1 >= n || !segments[k + 1].Visible || segments[k + 1].CutStart;
            float dx = sg.X1 - ax, dy = sg.Y1 - ay;
            kept[k] = breaksAfter || dx * dx + dy * dy >= MinVertexDistance * MinVertexDistance;
            anchor[k] = anchorSegment;
            if (kept[k])
            {
                (ax, ay) = (sg.X1, sg.Y1);
                anchorSegment = k;
            }
            if (sg.CutEnd) open = false;
        }
    }

    private SKRect DataArea => new(_layout.Left, _layout.Top, _layout.Width - _layout.Right, _layout.Height - _layout.Bottom);

    // How far a segment's stroke reaches beyond its ends, and a current point's mark beyond its center, with a pixel for antialiasing.
    private float StrokeMargin => LandscapeStyle.HaloWidth * _layout.Scale / 2 + 2;

    private float MarkMargin => Math.Max((LandscapeStyle.CurrentMarkerSize + 3) / 2, 5.5f + 2.5f) * _layout.Scale + 2;

    public int Width => _layout.Width;

    /// <summary>The frame's height: the landscape's, and the learning-rate panel's under it when the paths carry learning rates.</summary>
    public int Height => _layout.Height + _panelHeight;

    /// <summary>
    /// Where the panel's cursor stands at <paramref name="step"/>: on the rate of the step that reached the frame's points
    /// (the panel draws rate k from x = k), clamped into the panel's x range.
    /// </summary>
    private float CursorX(int step) =>
        _panelArea.Left + (float)((Math.Clamp(step, 0.5, _panelSteps + 0.5) - 0.5) / _panelSteps) * _panelArea.Width;

    /// <summary>The last recorded step of the longest path.</summary>
    public int LastStep { get; }

    /// <summary>Draws the frame at <paramref name="step"/> and returns its RGBA pixels (valid until the next call).</summary>
    public ReadOnlySpan<byte> Render(int step)
    {
        if (_drawn < 0 || step < _drawn) Draw(step, new SKRect(0, 0, Width, Height));
        else
            foreach (var dirty in Changes(_drawn, step)) Draw(step, dirty);
        _drawn = step;
        _canvas.Flush();
        return _frame.GetPixelSpan();
    }

    /// <summary>Per path, the pixels that can differ between the frames at <paramref name="from"/> and <paramref name="to"/>.</summary>
    private List<SKRect> Changes(int from, int to)
    {
        var rects = new List<SKRect>();
        var area = DataArea;
        float stroke = StrokeMargin, mark = MarkMargin;
        for (int i = 0; i < _paths.Length; i++)
        {
            var path = _paths[i];
            if (path.Count == 0) continue;
            int a = Math.Min(from, path.Count - 1), b = Math.Min(to, path.Count - 1);
            bool diverging = path.Diverged && from < path.Count - 1 && to >= path.Count - 1;
            if (a == b && !diverging) continue;
            float left = float.PositiveInfinity, top = float.PositiveInfinity, right = float.NegativeInfinity, bottom = float.NegativeInfinity;
            void Add(float x, float y, float margin)
            {
                left = Math.Min(left, x - margin);
                top = Math.Min(top, y - margin);
                right = Math.Max(right, x + margin);
                bottom = Math.Max(bottom, y + margin);
            }
            for (int k = a >= 1 ? _anchor[i][a] : 1; k <= b; k++)
            {
                var sg = _segments[i][k];
                if (!sg.Visible) continue;
                Add(sg.X0, sg.Y0, stroke);
                Add(sg.X1, sg.Y1, stroke);
            }
            foreach (int at in (int[])[from, to])
                if (path.TryCurrent(at, out double x, out double y)) Add(_layout.PixelX(x), _layout.PixelY(y), mark);
            var r = new SKRect(MathF.Floor(Math.Max(left, area.Left)), MathF.Floor(Math.Max(top, area.Top)),
                MathF.Ceiling(Math.Min(right, area.Right)), MathF.Ceiling(Math.Min(bottom, area.Bottom)));
            if (!(r.Left < r.Right && r.Top < r.Bottom)) continue;
            // Overlapping rectangles become one, so the segments in both (paths that gathered at one minimum) are drawn once.
            for (int j = rects.Count - 1; j >= 0; j--)
            {
                if (!rects[j].IntersectsWith(r)) continue;
                r = SKRect.Union(r, rects[j]);
                rects.RemoveAt(j);
                j = rects.Count;
            }
            rects.Add(r);
        }
        if (_panelHeight > 0 && from != to)
        {
            float a = CursorX(from), b = CursorX(to), margin = _cursor.StrokeWidth + 2;
            rects.Add(new SKRect(MathF.Floor(Math.Min(a, b) - margin), MathF.Floor(_panelArea.Top - 1), MathF.Ceiling(Math.Max(a, b) + margin), MathF.Ceiling(_panelArea.Bottom + 1)));
        }
        return rects;
    }

    /// <summary>Draws the frame at <paramref name="step"/> inside <paramref name="clip"/>: background, paths, marks, current points.</summary>
    private void Draw(int step, SKRect clip)
    {
        float s = _layout.Scale;
        _canvas.Save();
        _canvas.ClipRect(clip);
        _canvas.DrawBitmap(_background, 0, 0);
        _canvas.ClipRect(DataArea);
        float margin = StrokeMargin;
        var visible = SKRect.Intersect(clip, DataArea);
        for (int i = 0; i < _paths.Length; i++)
        {
            using var path = new SKPath();
            var segments = _segments[i];
            var kept = _kept[i];
            int last = Math.Min(step, _paths[i].Count - 1);
            bool open = false, penAtAnchor = false;
            float ax = 0, ay = 0;
            for (int k = 1; k <= last; k++)
            {
                var sg = segments[k];
                if (!sg.Visible)
                {
                    open = false;
                    continue;
                }
                if (!open || sg.CutStart)
                {
                    (ax, ay) = (sg.X0, sg.Y0);
                    open = true;
                    penAtAnchor = false;
                }
                if (kept[k] || k == last)
                {
                    // A line whose stroke cannot reach the clip is left out; the polyline breaks there, outside the clip, where no one sees the caps.
                    if (new Segment(true, ax, ay, sg.X1, sg.Y1, false, false).Touches(visible, margin))
                    {
                        if (!penAtAnchor) path.MoveTo(ax, ay);
                        path.LineTo(sg.X1, sg.Y1);
                        penAtAnchor = true;
                    }
                    else penAtAnchor = false;
                    (ax, ay) = (sg.X1, sg.Y1);
                }
                if (sg.CutEnd) open = false;
            }
            if (path.IsEmpty) continue;
            _canvas.DrawPath(path, _halo);
            _line.Color = ToSk(LandscapeStyle.PathColor(i));
            _canvas.DrawPath(path, _line);
        }
        DrawMarks();
        for (int i = 0; i < _paths.Length; i++)
        {
            if (!_paths[i].TryCurrent(step, out double x, out double y)) continue;
            float px = _layout.PixelX(x), py = _layout.PixelY(y);
            var color = ToSk(LandscapeStyle.PathColor(i));
            if (_paths[i].Diverged && step >= _paths[i].Count - 1)
            {
                DrawCross(px, py, 5.5f * s, 5 * s, SKColors.White);
                DrawCross(px, py, 5.5f * s, 2.5f * s, color);
                continue;
            }
            _fill.Color = SKColors.White;
            _canvas.DrawCircle(px, py, (LandscapeStyle.CurrentMarkerSize + 3) * s / 2, _fill);
            _fill.Color = color;
            _canvas.DrawCircle(px, py, LandscapeStyle.CurrentMarkerSize * s / 2, _fill);
        }
        _canvas.Restore();
        if (_panelHeight > 0)
        {
            _canvas.Save();
            _canvas.ClipRect(clip);
            float x = CursorX(step);
            _canvas.DrawLine(x, _panelArea.Top, x, _panelArea.Bottom, _cursor);
            _canvas.Restore();
        }
    }

    /// <summary>The steps the frames show: 0, k, 2k, … and always the last step.</summary>
    public static int[] FrameSteps(int lastStep, int frameEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameEvery, 1);
        var steps = new List<int>();
        for (int step = 0; step <= lastStep; step += frameEvery) steps.Add(step);
        if (steps[^1] != lastStep) steps.Add(lastStep);
        return [.. steps];
    }

    /// <summary>The start and the minima again, over the lines and under the current points, as the final picture has them.</summary>
    private void DrawMarks()
    {
        float s = _layout.Scale;
        foreach (var m in _scene.Minima.OrderBy(m => m.IsGlobal))
        {
            float scale = m.IsGlobal ? s : LandscapeStyle.LocalMinimumScale * s;
            var color = ToSk(m.IsGlobal ? LandscapeStyle.GlobalMinimumColor : LandscapeStyle.LocalMinimumColor);
            float px = _layout.PixelX(m.X), py = _layout.PixelY(m.Y), half = LandscapeStyle.MinimumMarkerSize * scale / 2;
            DrawCross(px, py, half, LandscapeStyle.MinimumHaloWidth * scale, SKColors.White);
            DrawCross(px, py, half, LandscapeStyle.MinimumLineWidth * scale, color);
        }
        if (_scene.Start is { } start)
        {
            _line.Color = ToSk(LandscapeStyle.StartColor);
            float saved = _line.StrokeWidth;
            _line.StrokeWidth = LandscapeStyle.StartLineWidth * s;
            _canvas.DrawCircle(_layout.PixelX(start.X), _layout.PixelY(start.Y), (LandscapeStyle.StartMarkerSize * s - _line.StrokeWidth) / 2, _line);
            _line.StrokeWidth = saved;
        }
    }

    private void DrawCross(float x, float y, float half, float width, SKColor color)
    {
        _line.Color = color;
        float saved = _line.StrokeWidth;
        _line.StrokeWidth = width;
        _canvas.DrawLine(x - half, y - half, x + half, y + half, _line);
        _canvas.DrawLine(x - half, y + half, x + half, y - half, _line);
        _line.StrokeWidth = saved;
    }

    private static SKColor ToSk(ScottPlot.Color c) => new(c.R, c.G, c.B, c.A);

    public void Dispose()
    {
        _canvas.Dispose();
        _frame.Dispose();
        _background.Dispose();
        _halo.Dispose();
        _line.Dispose();
        _fill.Dispose();
        _cursor.Dispose();
    }
}
