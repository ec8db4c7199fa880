using Descent.Functions;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// The drawable part of a <see cref="LandscapePath"/>: its points up to the divergence step and the first
/// non-finite coordinate, with every segment clipped to a box around the view, so a point at 1e300
/// still draws as a line leaving the picture in the right direction.
/// </summary>
internal sealed class PathGeometry
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly Domain _box;

    private PathGeometry(double[] xs, double[] ys, Domain box, bool diverged)
    {
        Diverged = diverged;
        _xs = xs;
        _ys = ys;
        _box = box;
    }

    /// <summary>The number of drawable points (0 for an empty path or one that starts at NaN).</summary>
    public int Count => _xs.Length;

    public static PathGeometry From(LandscapePath path, Domain view)
    {
        int n = path.Count;
        if (path.DivergedAtStep is int d) n = Math.Min(n, Math.Max(0, d + 1));
        int finite = 0;
        while (finite < n && double.IsFinite(path.Xs[finite]) && double.IsFinite(path.Ys[finite])) finite++;
        var xs = new double[finite];
        var ys = new double[finite];
        for (int i = 0; i < finite; i++)
        {
            xs[i] = path.Xs[i];
            ys[i] = path.Ys[i];
        }
        var box = new Domain(view.XMin - 2 * view.Width, view.XMax + 2 * view.Width, view.YMin - 2 * view.Height, view.YMax + 2 * view.Height);
        return new PathGeometry(xs, ys, box, path.Diverged);
    }

    /// <summary>Whether the path diverged: its last drawable point gets a cross instead of a dot.</summary>
    public bool Diverged { get; }

    /// <summary>The point shown as current at <paramref name="step"/>: the last drawable one up to it, if it lies in the box.</summary>
    public bool TryCurrent(int step, out double x, out double y)
    {
        x = y = double.NaN;
        if (Count == 0) return false;
        int i = Math.Clamp(step, 0, Count - 1);
        x = _xs[i];
        y = _ys[i];
        return _box.Contains(x, y);
    }

    /// <summary>The path from step 0 to <paramref name="step"/> as polylines in the box (broken where it leaves it).</summary>
    public List<List<(double X, double Y)>> Polylines(int step)
    {
        var lines = new List<List<(double X, double Y)>>();
        int last = Math.Min(step, Count - 1);
        List<(double X, double Y)>? current = null;
        for (int k = 1; k <= last; k++)
        {
            double x0 = _xs[k - 1], y0 = _ys[k - 1], x1 = _xs[k], y1 = _ys[k];
            if (!Clip(ref x0, ref y0, ref x1, ref y1, out bool cutStart, out bool cutEnd))
            {
                current = null;
                continue;
            }
            if (current is null || cutStart)
            {
                current = [(x0, y0)];
                lines.Add(current);
            }
            current.Add((x1, y1));
            if (cutEnd) current = null;
        }
        return lines;
    }

    /// <summary>
    /// Segment <paramref name="k"/> (from point k-1 to point k) clipped to the box, as <see cref="Polylines"/>
    /// draws it; false when no part of it lies inside. A cut start or end breaks the polyline there.
    /// </summary>
    public bool Segment(int k, out double x0, out double y0, out double x1, out double y1, out bool cutStart, out bool cutEnd)
    {
        x0 = _xs[k - 1];
        y0 = _ys[k - 1];
        x1 = _xs[k];
        y1 = _ys[k];
        return Clip(ref x0, ref y0, ref x1, ref y1, out cutStart, out cutEnd);
    }

    // Liang–Barsky clipping of the segment to the box; false when no part of it lies inside.
    private bool Clip(ref double x0, ref double y0, ref double x1, ref double y1, out bool cutStart, out bool cutEnd)
    {
        double dx = x1 - x0, dy = y1 - y0;
        double t0 = 0, t1 = 1;
        cutStart = cutEnd = false;
        if (!Edge(-dx, x0 - _box.XMin, ref t0, ref t1) || !Edge(dx, _box.XMax - x0, ref t0, ref t1) ||
            !Edge(-dy, y0 - _box.YMin, ref t0, ref t1) || !Edge(dy, _box.YMax - y0, ref t0, ref t1))
            return false;
        if (!double.IsFinite(dx) || !double.IsFinite(dy)) return false;
        double sx = x0, sy = y0;
        if (t1 < 1)
        {
            x1 = sx + t1 * dx;
            y1 = sy + t1 * dy;
            cutEnd = true;
        }
        if (t0 > 0)
        {
            x0 = sx + t0 * dx;
            y0 = sy + t0 * dy;
            cutStart = true;
        }
        return true;
    }

    private static bool Edge(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0) return q >= 0;
        double r = q / p;
        if (p < 0)
        {
            if (r > t1) return false;
            if (r > t0) t0 = r;
        }
        else
        {
            if (r < t0) return false;
            if (r < t1) t1 = r;
        }
        return true;
    }
}
