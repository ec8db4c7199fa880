using Descent.Lab.IO;

namespace Descent.Lab.Training;

/// <summary>
/// A training result as CSV, per the CLI contract: header
/// <c>optimizer,epoch,iteration,train_loss,test_loss,test_accuracy,seconds</c>, the spec exactly as given in
/// the first column. Two kinds of rows, told apart by which fields are empty:
/// <list type="bullet">
/// <item>a step: <c>epoch</c> (from 1), <c>iteration</c> (from 1), <c>train_loss</c> (the batch's mean loss before
/// the step) and <c>seconds</c> (wall time since the run began, after the step); test fields empty;</item>
/// <item>an evaluation on the test split: <c>epoch</c> (0 = the initial weights), <c>iteration</c> (steps taken
/// so far), <c>test_loss</c>, <c>test_accuracy</c> (a fraction in [0, 1]) and <c>seconds</c> (after the
/// evaluation); <c>train_loss</c> empty.</item>
/// </list>
/// Per optimizer: the epoch-0 evaluation, then each epoch's steps followed by its evaluation. A diverged
/// run ends at its last finite step. When the run has a learning-rate schedule
/// (<see cref="TrainingHistory.LearningRates"/>), a last column <c>lr</c> holds the learning rate of each
/// step row (empty on evaluation rows).
/// </summary>
public static class TrainingCsv
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Header { get; } = ["optimizer", "epoch", "iteration", "train_loss", "test_loss", "test_accuracy", "seconds"];

    /// <summary>The column names of a run with a learning-rate schedule: <see cref="Header"/> and <c>lr</c>.</summary>
    public static IReadOnlyList<string> ScheduledHeader { get; } = [.. Header, "lr"];

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(TrainingResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new CsvWriter(writer);
        bool rates = result.Histories.Any(h => h.LearningRates is not null);
        csv.WriteRow(rates ? ScheduledHeader : Header);
        foreach (var history in result.Histories)
        {
            void Step(int k)
            {
                var s = history.Iterations[k];
                if (rates) csv.WriteRow(history.Optimizer, s.Epoch, s.Iteration, s.TrainLoss, null, null, s.Seconds, history.LearningRates is { } l && k < l.Count ? l[k] : null);
                else csv.WriteRow(history.Optimizer, s.Epoch, s.Iteration, s.TrainLoss, null, null, s.Seconds);
            }

            int step = 0;
            foreach (var evaluation in history.Epochs)
            {
                for (; step < history.Iterations.Count && history.Iterations[step].Iteration <= evaluation.Iteration; step++) Step(step);
                if (rates) csv.WriteRow(history.Optimizer, evaluation.Epoch, evaluation.Iteration, null, evaluation.TestLoss, evaluation.TestAccuracy, evaluation.Seconds, null);
                else csv.WriteRow(history.Optimizer, evaluation.Epoch, evaluation.Iteration, null, evaluation.TestLoss, evaluation.TestAccuracy, evaluation.Seconds);
            }
            for (; step < history.Iterations.Count; step++) Step(step);
        }
    }

    /// <summary><paramref name="result"/> as CSV text.</summary>
    public static string ToText(TrainingResult result)
    {
        using var writer = new StringWriter();
        Write(result, writer);
        return writer.ToString();
    }
}
