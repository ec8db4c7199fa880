using Descent.Lab.IO;

namespace Descent.Lab.Response;

/// <summary>
/// A response result as CSV, per the CLI contract: header <c>optimizer,step,gradient,update</c>, one
/// row per optimizer per step (step from 1), the spec exactly as given in the first column. When the run
/// has a learning-rate schedule (<see cref="ResponseCurve.LearningRates"/>), a last column <c>lr</c> holds
/// the learning rate of the row's step.
/// </summary>
public static class ResponseCsv
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Header { get; } = ["optimizer", "step", "gradient", "update"];

    /// <summary>The column names of a run with a learning-rate schedule: <see cref="Header"/> and <c>lr</c>.</summary>
    public static IReadOnlyList<string> ScheduledHeader { get; } = [.. Header, "lr"];

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(ResponseResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new CsvWriter(writer);
        bool rates = result.Curves.Any(c => c.LearningRates is not null);
        csv.WriteRow(rates ? ScheduledHeader : Header);
        foreach (var curve in result.Curves)
            for (int i = 0; i < curve.Updates.Count; i++)
            {
                if (rates) csv.WriteRow(curve.Optimizer, i + 1, curve.Gradients[i], curve.Updates[i], curve.LearningRates is { } l && i < l.Count ? l[i] : null);
                else csv.WriteRow(curve.Optimizer, i + 1, curve.Gradients[i], curve.Updates[i]);
            }
    }

    /// <summary><paramref name="result"/> as CSV text.</summary>
    public static string ToText(ResponseResult result)
    {
        using var writer = new StringWriter();
        Write(result, writer);
        return writer.ToString();
    }
}
