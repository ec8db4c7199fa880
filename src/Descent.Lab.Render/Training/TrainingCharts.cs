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
    /// <summary>Training loss against iteration, log y axis.</summary>
    public static LineChart Loss(TrainingResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = result.Histories.Select(h => new LineSeries(Label(h),
            [.. h.Iterations.Select(i => (double)i.Iteration)],
            [.. h.Iterations.Select(i => i.TrainLoss)])).ToList();
        return new LineChart(title ?? DefaultTitle(result), "iteration", "training loss (batch mean, log scale)", series)
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

    private static string Label(TrainingHistory h) =>
        h.Diverged ? $"{h.Optimizer} (diverged at iteration {h.DivergedAtIteration})" : $"{h.Optimizer}: {100 * h.FinalTestAccuracy:F1}%";

    private static string DefaultTitle(TrainingResult result)
    {
        var c = result.Config;
        string model = c.Model + (c.Hidden is { } hidden ? $" {string.Join("-", hidden)}" : "");
        return $"Training loss: {model} on {Path.GetFileName(Path.TrimEndingDirectorySeparator(c.Dataset))}, batch {c.BatchSize}, {c.Epochs} epochs, seed {c.Seed}";
    }
}
