using SkiaSharp;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Draws animation frames fast: the background (heatmap, contours, labels, marks, legend) is rendered by
/// ScottPlot once; each frame copies it and draws only the paths up to its step with SkiaSharp, in the
/// same fixed layout, so 125 frames take a fraction of a second beyond the background.
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

    public LandscapeFrameRenderer(LandscapeScene scene, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(scene);
        _scene = scene;
        _layout = new LandscapeLayout(width, height, scene.Domain);
        var grid = LandscapeGrid.Sample(scene);
        _paths = [.. scene.Paths.Select(p => PathGeometry.From(p, scene.Domain))];
        LastStep = scene.Paths.Select(p => p.Count - 1).DefaultIfEmpty(0).Max();
        if (LastStep < 0) LastStep = 0;

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        _background = new SKBitmap(info);
        using (var backgroundCanvas = new SKCanvas(_background))
        {
            backgroundCanvas.Clear(SKColors.White);
            using var plot = LandscapeFigure.Build(scene, grid, _layout, _paths, drawPaths: false);
            plot.Render(backgroundCanvas, width, height);
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
    }

    public int Width => _layout.Width;

    public int Height => _layout.Height;

    /// <summary>The last recorded step of the longest path.</summary>
    public int LastStep { get; }

    /// <summary>Draws the frame at <paramref name="step"/> and returns its RGBA pixels (valid until the next call).</summary>
    public ReadOnlySpan<byte> Render(int step)
    {
        float s = _layout.Scale;
        _canvas.DrawBitmap(_background, 0, 0);
        _canvas.Save();
        _canvas.ClipRect(new SKRect(_layout.Left, _layout.Top, _layout.Width - _layout.Right, _layout.Height - _layout.Bottom));
        for (int i = 0; i < _paths.Length; i++)
        {
            using var path = new SKPath();
            foreach (var line in _paths[i].Polylines(step))
            {
                path.MoveTo(_layout.PixelX(line[0].X), _layout.PixelY(line[0].Y));
                for (int k = 1; k < line.Count; k++) path.LineTo(_layout.PixelX(line[k].X), _layout.PixelY(line[k].Y));
            }
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
        _canvas.Flush();
        return _frame.GetPixelSpan();
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
    }
}
