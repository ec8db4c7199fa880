using Descent.Lab.Render.Charts;
using Descent.Lab.Training;

namespace Descent.Lab.Render.Training;

/// <summary>
/// The two panels of a learning-history figure, one line per optimizer: the training loss of every step
/// (log scale) and the test accuracy after every epoch. A diverged run is drawn up to its last finite value
/// and says where it diverged in the legend.
/// </summary>
public static class TrainingCharts
{
    /// <summary>
    /// Training loss against iteration, log y axis. Each batch's loss is noisy, so each point is the mean of the
    /// last <paramref name="window"/> batches (fewer at the start); by default one per 60 steps of the longest run,
    /// at least 1 (the raw losses) — 10 for 630 steps. The data files keep every raw loss.
    /// </summary>
    public static LineChart Loss(TrainingResult result, string? title = null, int? window = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        int w = Math.Max(1, window ?? result.Histories.Select(h => h.Iterations.Count).DefaultIfEmpty(0).Max() / 60);
        var series = result.Histories.Select(h => new LineSeries(Label(h),
            [.. h.Iterations.Select(i => (double)i.Iteration)],
            TrailingMean([.. h.Iterations.Select(i => i.TrainLoss)], w))).ToList();
        string what = w == 1 ? "batch mean" : $"mean of the last {w} batches";
        return new LineChart(title ?? DefaultTitle(result), "iteration", $"training loss ({what}, log scale)", series)
        {
            ZeroLine = false,
            LogY = true,
        };
    }

    /// <summary>Test accuracy (percent) against epoch, from epoch 1, with markers.</summary>
    public static LineChart Accuracy(TrainingResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = result.Histories.Select(h =>
        {
            var epochs = h.Epochs.Where(e => e.Epoch >= 1 && double.IsFinite(e.TestAccuracy)).ToList();
            return new LineSeries(Label(h), [.. epochs.Select(e => (double)e.Epoch)], [.. epochs.Select(e => 100 * e.TestAccuracy)]);
        }).ToList();
        return new LineChart(title ?? $"Test accuracy after each epoch ({result.TestSamples:N0} test samples)", "epoch", "test accuracy (%)", series)
        {
            ZeroLine = false,
            Markers = true,
        };
    }

    /// <summary>
    /// The loss range worth showing (positive, for the log axis): every point of the runs that did not diverge, capped
    /// at 10× the largest first loss, so one exploding run does not flatten every other curve against the floor.
    /// Null when there is nothing to show.
    /// </summary>
    public static (double Min, double Max)? LossRange(LineChart loss, TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(result);
        var all = loss.Series.SelectMany(s => s.Y).Where(y => y > 0 && double.IsFinite(y)).ToList();
        if (all.Count == 0) return null;
        var kept = loss.Series.Where((_, k) => !result.Histories[k].Diverged).SelectMany(s => s.Y).Where(y => y > 0 && double.IsFinite(y)).ToList();
        double cap = 10 * result.Histories.Where(h => h.Iterations.Count > 0).Select(h => h.Iterations[0].TrainLoss).DefaultIfEmpty(all.Max()).Max();
        double max = Math.Min(kept.Count > 0 ? kept.Max() : all.Max(), cap);
        double min = Math.Min((kept.Count > 0 ? kept : all).Min(), max);
        return (min, max);
    }

    /// <summary>y[i] = mean of x[max(0, i − w + 1) .. i].</summary>
    public static double[] TrailingMean(IReadOnlyList<double> x, int w)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(w, 1);
        var y = new double[x.Count];
        double sum = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sum += x[i];
            if (i >= w) sum -= x[i - w];
            y[i] = sum / Math.Min(i + 1, w);
        }
        return y;
    }

    private static string Label(TrainingHistory h) =>
        h.Diverged ? $"{h.Optimizer} (diverged at iteration {h.DivergedAtIteration})" : $"{h.Optimizer}: {100 * h.FinalTestAccuracy:F1}%";

    private static string DefaultTitle(TrainingResult result)
    {
        var c = result.Config;
        string model = c.Model + (c.Hidden is { } hidden ? $" {string.Join("-", hidden)}" : "");
        return $"Training loss: {model} on {Path.GetFileName(Path.TrimEndingDirectorySeparator(c.Dataset))}, batch {c.BatchSize}, {c.Epochs} epochs, seed {c.Seed}";
    }
}
