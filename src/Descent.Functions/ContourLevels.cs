using System.Globalization;

namespace Descent.Functions;

/// <summary>
/// The contour levels of a function on a rectangle, the one choice behind both the rendered figures
/// (PNG, SVG, GIF) and the page's map: the lecture's own levels for its landscapes, otherwise levels
/// chosen from the function sampled on a fixed grid (<see cref="SamplePoints"/> a side), so the choice
/// depends on the function and the rectangle, never on how finely a picture is drawn. Also writes level
/// values as contour labels.
/// <para>Linear levels take a round step (1, 2, 2.5 or 5 times a power of ten) that gives about
/// <c>count</c> levels across the range. When the values span decades — the whole range is more than
/// <see cref="WideRangeRatio"/> times the rise from the lowest value to the 10th percentile, as for
/// Rosenbrock, Beale or Goldstein–Price — evenly spaced levels would all crowd the steep walls and leave
/// the valley empty, so the levels become 1, 2, 5 times powers of ten above the lowest value.</para>
/// </summary>
public static class ContourLevels
{
    /// <summary>About how many levels to choose.</summary>
    public const int DefaultCount = 24;

    /// <summary>Range over the rise to the 10th percentile above which levels are logarithmic.</summary>
    public const double WideRangeRatio = 30;

    /// <summary>Points per side, both ends included, of the grid automatic levels are chosen from (the figures' default grid).</summary>
    public const int SamplePoints = 201;

    /// <summary>
    /// The levels to draw for <paramref name="objective"/> over <paramref name="domain"/>: its explicit levels
    /// (finite, distinct, ascending) when it has them, else <see cref="Choose(double[,], int)"/> over the function
    /// sampled on <see cref="SamplePoints"/> × <see cref="SamplePoints"/> points of <paramref name="domain"/>.
    /// </summary>
    public static ChosenLevels For(Objective objective, Domain domain)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective.ContourLevels is { } given)
            return new ChosenLevels([.. given.Where(double.IsFinite).Distinct().Order()], ContourSpacing.Linear) { Given = true };
        return Choose(objective.Evaluate(domain.XValues(SamplePoints), domain.YValues(SamplePoints)));
    }

    /// <summary>
    /// Levels for a function sampled as <paramref name="values"/>; NaN and infinite values are skipped.
    /// No finite value, or a constant function, gives no level.
    /// </summary>
    public static ChosenLevels Choose(IEnumerable<double> values, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        double[] finite = [.. values.Where(double.IsFinite)];
        if (finite.Length == 0) return new ChosenLevels([], ContourSpacing.Linear);
        Array.Sort(finite);
        double min = finite[0], max = finite[^1];
        double span = max - min;
        if (!(span > 0) || !double.IsFinite(span)) return new ChosenLevels([], ContourSpacing.Linear);

        double rise = Quantile(finite, 0.10) - min;
        if (rise <= 0) rise = Quantile(finite, 0.5) - min;
        bool wide = rise > 0 && span / rise > WideRangeRatio;
        return wide ? Logarithmic(finite, count) : Linear(min, max, count);
    }

    /// <summary>Levels for a grid of values such as <c>Objective.Evaluate</c> returns.</summary>
    public static ChosenLevels Choose(double[,] values, int count = DefaultCount) =>
        Choose(values.Cast<double>(), count);

    /// <summary>A level as its contour label: up to five significant digits, exponent form for very large or small values.</summary>
    public static string Format(double level)
    {
        double a = Math.Abs(level);
        if (a == 0) return "0";
        return a >= 1e5 || a < 1e-3
            ? level.ToString("0.##E+0", CultureInfo.InvariantCulture)
            : level.ToString("G5", CultureInfo.InvariantCulture);
    }

    private static ChosenLevels Linear(double min, double max, int count)
    {
        double step = NiceStep((max - min) / count);
        var levels = new List<double>();
        for (double k = Math.Ceiling(min / step); k * step <= max; k++)
        {
            double level = Round(k * step);
            if (level > min && level < max) levels.Add(level);
        }
        return new ChosenLevels(levels, ContourSpacing.Linear);
    }

    private static ChosenLevels Logarithmic(double[] sorted, int count)
    {
        double min = sorted[0], max = sorted[^1];
        // Positive functions keep their own values as labels (10, 100, 1000); others count from the bottom.
        double baseValue = min > 0 ? 0 : min;
        double low = Quantile(sorted, 0.01) - baseValue;
        if (!(low > 0)) low = sorted.Select(v => v - baseValue).FirstOrDefault(s => s > 0, max - baseValue);
        double top = max - baseValue;

        // The first level is the round value just below the 1st percentile, so the valley floor gets a line.
        double decades = Math.Log10(top / low);
        double[] mantissas = decades * 3 <= count ? [1, 2, 5] : decades * 2 <= count ? [1, 3] : [1];
        var candidates = new List<double>();
        for (int e = (int)Math.Floor(Math.Log10(low)) - 1; candidates.Count == 0 || candidates[^1] < top; e++)
            foreach (double m in mantissas) candidates.Add(Round(m * Math.Pow(10, e)));
        int first = Math.Max(0, candidates.FindLastIndex(s => s <= low));
        var levels = new List<double>();
        foreach (double s in candidates.Skip(first))
        {
            double level = Round(baseValue + s);
            if (level > min && level < max) levels.Add(level);
        }
        return new ChosenLevels(levels, ContourSpacing.Logarithmic) { Base = baseValue };
    }

    private static double NiceStep(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in (double[])[1, 2, 2.5, 5, 10])
            if (m * power >= raw * (1 - 1e-9)) return m * power;
        return 10 * power;
    }

    private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Floor(q * (sorted.Length - 1))];

    // Level values print as typed: 0.6, not 0.6000000000000001.
    private static double Round(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
