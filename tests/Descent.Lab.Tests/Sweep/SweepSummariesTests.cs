using Descent.Lab.Sweep;

namespace Descent.Lab.Tests.Sweep;

public sealed class SweepSummariesTests
{
    private static SweepRow Row(GriddedSpec grid, int cell, int start, double loss, bool diverged = false, int? reached = null) => new()
    {
        Index = cell * 2 + start,
        Optimizer = grid.Text,
        Spec = grid.Cells[cell].Spec,
        Cell = cell,
        Values = grid.Cells[cell].Values,
        Start = start,
        Outcome = new SweepOutcome { FinalLoss = loss, BestLoss = loss, FinalStep = 10, Diverged = diverged, StepsToTarget = reached },
    };

    [Fact]
    public void Compute_HandWorkedLosses_BestCellShareAndBandInDecades()
    {
        // lr = 1e-3, 1e-2, 1e-1, 1, 10: medians 5, 1.05, 1, 1.2, ∞ (one diverged run of two counts as +∞: (1.2 + ∞)/2 = ∞).
        var grid = SpecGrid.Expand("sgd(lr=[1e-3..10:5log])");
        var rows = new List<SweepRow>
        {
            Row(grid, 0, 0, 4), Row(grid, 0, 1, 6),
            Row(grid, 1, 0, 1.0, reached: 5), Row(grid, 1, 1, 1.1),
            Row(grid, 2, 0, 0.9, reached: 3), Row(grid, 2, 1, 1.1, reached: 8),
            Row(grid, 3, 0, 1.2), Row(grid, 3, 1, 1.2),
            Row(grid, 4, 0, 0.5, diverged: true), Row(grid, 4, 1, 1.2),
        };

        var s = Assert.Single(SweepSummaries.Compute([grid], rows, hasTarget: true));

        Assert.Equal("sgd(lr=0.1)", s.BestSpec);
        Assert.Equal(1.0, s.BestMedianLoss, 1e-15);
        Assert.Equal(3, s.ReachedTarget);
        Assert.Equal(0.3, s.ReachedShare);
        // Within 10% of 1: 1.05 (lr 0.01) yes, 1.2 (lr 1) no: the band is 0.01..0.1, one decade.
        Assert.Equal(0.01, s.GoodLrLow);
        Assert.Equal(0.1, s.GoodLrHigh);
        Assert.Equal(1.0, s.GoodLrDecades!.Value, 1e-12);
    }

    [Fact]
    public void Compute_NoTargetNoLrGrid_LeavesThoseEmpty()
    {
        var grid = SpecGrid.Expand("adam(lr=0.1, beta1=[0.5,0.9])");
        var rows = new List<SweepRow> { Row(grid, 0, 0, 2), Row(grid, 1, 0, 1) };

        var s = Assert.Single(SweepSummaries.Compute([grid], rows, hasTarget: false));

        Assert.Equal("adam(lr=0.1, beta1=0.9)", s.BestSpec);
        Assert.Null(s.ReachedShare);
        Assert.Null(s.GoodLrDecades);
    }
}
