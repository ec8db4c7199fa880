using Descent.Lab.IO;

namespace Descent.Lab.Sweep;

/// <summary>
/// A sweep's rows as CSV: <c>optimizer,spec,start,seed,final_loss,best_loss,steps_to_target,diverged</c>, then
/// <c>final_step,start_x,start_y</c>. <c>optimizer</c> is the spec as typed (grids included), <c>spec</c> the cell's
/// concrete spec; <c>start</c> and its coordinates are empty in training, <c>seed</c> on a landscape;
/// <c>steps_to_target</c> (steps, or epochs in training) is empty when the run never reached the target.
/// </summary>
public static class SweepCsv
{
    /// <summary>The column names.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["optimizer", "spec", "start", "seed", "final_loss", "best_loss", "steps_to_target", "diverged", "final_step", "start_x", "start_y"];

    /// <summary>Writes the rows of <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(SweepResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new CsvWriter(writer);
        csv.WriteRow(Header);
        bool landscape = result.Config.Function is not null;
        foreach (var r in result.Rows)
            csv.WriteRow(r.Optimizer, r.Spec, landscape ? r.Start : null, r.Seed, r.Outcome.FinalLoss, r.Outcome.BestLoss,
                r.Outcome.StepsToTarget, r.Outcome.Diverged, r.Outcome.FinalStep, r.StartX, r.StartY);
    }

    /// <summary><paramref name="result"/>'s rows as CSV text.</summary>
    public static string ToText(SweepResult result)
    {
        using var writer = new StringWriter();
        Write(result, writer);
        return writer.ToString();
    }
}
