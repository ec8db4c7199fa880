using System.Globalization;

namespace Descent.Lab.Sweep;

/// <summary>
/// The per-optimizer summary of a sweep (<see cref="SweepSummary"/>). A cell's score is the median of its runs' final
/// losses, a diverged run counting as +∞. The best cell has the lowest score (the first such in grid order). The good
/// learning-rate band: for each value of the <c>lr</c> grid, the best score over the other grids' values; the values
/// whose score is within 10% of the best (score − best ≤ 0.1·|best|) next to the best one, on both sides in order of
/// learning rate, form the band, and its width is log10(high / low) decades. With a grid of n log-spaced values over D
/// decades, the width is a multiple of D/(n − 1): the grid's resolution bounds what it can tell apart.
/// </summary>
public static class SweepSummaries
{
    /// <summary>The share of the best score a learning rate may lose and still be in the good band.</summary>
    public const double BandTolerance = 0.1;

    /// <summary>One summary per optimizer of <paramref name="grids"/>, from <paramref name="rows"/> (all of them, any order); target counts only when <paramref name="hasTarget"/>.</summary>
    public static IReadOnlyList<SweepSummary> Compute(IReadOnlyList<GriddedSpec> grids, IReadOnlyList<SweepRow> rows, bool hasTarget)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentNullException.ThrowIfNull(rows);
        var summaries = new List<SweepSummary>(grids.Count);
        var byOptimizer = rows.GroupBy(r => r.Optimizer).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var grid in grids)
        {
            var own = byOptimizer.GetValueOrDefault(grid.Text) ?? [];
            var scores = new double[grid.Cells.Count];
            var byCell = own.GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => g.Select(r => r.Outcome.Diverged ? double.PositiveInfinity : r.Outcome.FinalLoss).ToList());
            for (int c = 0; c < scores.Length; c++) scores[c] = byCell.TryGetValue(c, out var losses) ? Median(losses) : double.NaN;
            int best = 0;
            for (int c = 1; c < scores.Length; c++)
                if (scores[c] < scores[best] || double.IsNaN(scores[best])) best = c;
            int reached = own.Count(r => r.Outcome.StepsToTarget is not null);
            var (low, high) = Band(grid, scores);
            summaries.Add(new SweepSummary
            {
                Optimizer = grid.Text,
                Runs = own.Count,
                BestSpec = grid.Cells[best].Spec,
                BestMedianLoss = scores[best],
                ReachedTarget = hasTarget ? reached : null,
                ReachedShare = hasTarget ? (own.Count == 0 ? 0 : (double)reached / own.Count) : null,
                GoodLrLow = low,
                GoodLrHigh = high,
                GoodLrDecades = low is double l && high is double h && l > 0 ? Math.Log10(h / l) : null,
            });
        }
        return summaries;
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); NaN for none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : sorted[m - 1] / 2 + sorted[m] / 2;
    }

    private static (double? Low, double? High) Band(GriddedSpec grid, double[] scores)
    {
        int axis = -1;
        for (int a = 0; a < grid.Axes.Count; a++)
            if (grid.Axes[a].Key.Equals("lr", StringComparison.OrdinalIgnoreCase)) { axis = a; break; }
        if (axis < 0) return (null, null);
        var byLr = new SortedDictionary<double, double>();
        for (int c = 0; c < grid.Cells.Count; c++)
        {
            if (!double.TryParse(grid.Cells[c].Values[axis], NumberStyles.Float, CultureInfo.InvariantCulture, out double lr)) return (null, null);
            double s = scores[c];
            if (double.IsNaN(s)) continue;
            byLr[lr] = byLr.TryGetValue(lr, out double old) ? Math.Min(old, s) : s;
        }
        var lrs = byLr.Keys.ToArray();
        var score = byLr.Values.ToArray();
        if (lrs.Length == 0) return (null, null);
        int best = 0;
        for (int i = 1; i < score.Length; i++) if (score[i] < score[best]) best = i;
        if (!double.IsFinite(score[best])) return (null, null);
        double limit = score[best] + BandTolerance * Math.Abs(score[best]);
        int lo = best, hi = best;
        while (lo > 0 && score[lo - 1] <= limit) lo--;
        while (hi < lrs.Length - 1 && score[hi + 1] <= limit) hi++;
        return (lrs[lo], lrs[hi]);
    }
}
