using Descent.Functions;

namespace Descent.Lab.Render.Landscape;

/// <summary>A scene's function sampled on its grid, with the contour levels to draw.</summary>
internal sealed class LandscapeGrid
{
    private LandscapeGrid(double[] xs, double[] ys, double[,] values, IReadOnlyList<double> levels, ContourSpacing spacing, double baseValue)
    {
        Xs = xs;
        Ys = ys;
        Values = values;
        Levels = levels;
        Spacing = spacing;
        Base = baseValue;
    }

    /// <summary>Grid x values.</summary>
    public double[] Xs { get; }

    /// <summary>Grid y values.</summary>
    public double[] Ys { get; }

    /// <summary>f as <c>[row j (y), column i (x)]</c>; may hold NaN and infinities.</summary>
    public double[,] Values { get; }

    /// <summary>Increasing, finite contour levels.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>How the levels are spaced (explicit levels count as linear).</summary>
    public ContourSpacing Spacing { get; }

    /// <summary>The base of logarithmic levels.</summary>
    public double Base { get; }

    public static LandscapeGrid Sample(LandscapeScene scene)
    {
        var domain = scene.Domain;
        if (!(domain.Width > 0) || !(domain.Height > 0) || !double.IsFinite(domain.Width) || !double.IsFinite(domain.Height))
            throw new ArgumentException($"A landscape needs a rectangle of positive, finite size; got {domain}.");
        // The lecture's arange grid when the step suits the rectangle (2 to 4000 points a side), else an even grid.
        bool stepFits = scene.GridStep is double step && step > 0 && domain.Width / step is >= 2 and <= 4000 && domain.Height / step is >= 2 and <= 4000;
        int points = Math.Clamp(scene.GridPoints, 2, 2000);
        double[] xs = stepFits ? domain.XValues(scene.GridStep!.Value) : domain.XValues(points);
        double[] ys = stepFits ? domain.YValues(scene.GridStep!.Value) : domain.YValues(points);
        double[,] values = scene.Objective.Evaluate(xs, ys);

        // The page's map asks the same chooser for the same function and rectangle, so both draw the same levels.
        var chosen = ContourLevels.For(scene.Objective with { ContourLevels = scene.ContourLevels }, domain);
        return new LandscapeGrid(xs, ys, values, chosen.Levels, chosen.Spacing, chosen.Base);
    }

    /// <summary>The finite values' range, or (0, 1) when there is none.</summary>
    public (double Min, double Max) FiniteRange()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in Values)
        {
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? (min, max) : (0, 1);
    }
}
