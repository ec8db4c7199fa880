using Descent.Functions;

namespace Descent.Lab.Sweep;

/// <summary>One run of a plan before it runs: which optimizer, cell and start or seed.</summary>
internal sealed record PlannedRow(SweepPlan Plan, int Index, int Optimizer, int Cell, int Start, Point2? StartPoint, ulong? Seed)
{
    /// <summary>The row with its outcome.</summary>
    public SweepRow Finish(SweepOutcome outcome)
    {
        var grid = Plan.Optimizers[Optimizer].Grid;
        return new SweepRow
        {
            Index = Index,
            Optimizer = grid.Text,
            Spec = grid.Cells[Cell].Spec,
            Cell = Cell,
            Values = grid.Cells[Cell].Values,
            Start = Start,
            StartX = StartPoint?.X,
            StartY = StartPoint?.Y,
            Seed = Seed,
            Outcome = outcome,
        };
    }
}
