using Descent.Lab.IO;

namespace Descent.Lab.Trajectory;

/// <summary>
/// A trajectory result as CSV, per the CLI contract: header <c>optimizer,step,x,y,loss</c>, one row per
/// optimizer per point (step 0 is the start), the spec exactly as given in the first column. A diverged
/// path ends with the row of the step that left (NaN, infinities or a coordinate beyond the bound).
/// When the run has a learning-rate schedule (<see cref="TrajectoryPath.LearningRates"/>), a last column
/// <c>lr</c> holds the learning rate of the step that reached the row's point (empty at step 0). When the run counts
/// gradient evaluations (<see cref="TrajectoryPath.Evaluations"/>: some rule takes other than one per step, such as
/// lbfgs), a last column <c>evaluations</c> holds those of the step that reached the row's point (empty at step 0).
/// </summary>
public static class TrajectoryCsv
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Header { get; } = ["optimizer", "step", "x", "y", "loss"];

    /// <summary>The column names of a run with a learning-rate schedule: <see cref="Header"/> and <c>lr</c>.</summary>
    public static IReadOnlyList<string> ScheduledHeader { get; } = [.. Header, "lr"];

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(TrajectoryResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new CsvWriter(writer);
        bool rates = result.Paths.Any(p => p.LearningRates is not null);
        bool evaluations = result.Paths.Any(p => p.Evaluations is not null);
        IReadOnlyList<string> header = rates ? ScheduledHeader : Header;
        csv.WriteRow(evaluations ? [.. header, "evaluations"] : header);
        foreach (var path in result.Paths)
            for (int i = 0; i < path.Count; i++)
            {
                double? e = path.Evaluations is { } ev && i >= 1 && i <= ev.Count ? ev[i - 1] : null;
                if (!rates)
                {
                    if (evaluations) csv.WriteRow(path.Optimizer, i, path.X[i], path.Y[i], path.Loss[i], e);
                    else csv.WriteRow(path.Optimizer, i, path.X[i], path.Y[i], path.Loss[i]);
                    continue;
                }
                double? lr = path.LearningRates is { } l && i >= 1 && i <= l.Count ? l[i - 1] : null;
                if (evaluations) csv.WriteRow(path.Optimizer, i, path.X[i], path.Y[i], path.Loss[i], lr, e);
                else csv.WriteRow(path.Optimizer, i, path.X[i], path.Y[i], path.Loss[i], lr);
            }
    }

    /// <summary><paramref name="result"/> as CSV text.</summary>
    public static string ToText(TrajectoryResult result)
    {
        using var writer = new StringWriter();
        Write(result, writer);
        return writer.ToString();
    }
}
