using System.Globalization;
using Descent.Lab.Sweep;
using Descent.Specs;

namespace Descent.Lab.Tests.Sweep;

public sealed class SpecGridTests
{
    private static double Read(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Expand_LogRange_GivesNineValuesAQuarterDecadeApartWithExactEnds()
    {
        var grid = SpecGrid.Expand("adam(lr=[0.01..1:9log])");

        var axis = Assert.Single(grid.Axes);
        Assert.Equal("lr", axis.Key);
        Assert.True(axis.Log);
        Assert.Equal(9, grid.Cells.Count);
        Assert.Equal("adam(lr=0.01)", grid.Cells[0].Spec);
        Assert.Equal("adam(lr=1)", grid.Cells[8].Spec);
        // 10^(-2 + k/4): the middle value is 10^-1.
        Assert.Equal("adam(lr=0.1)", grid.Cells[4].Spec);
        for (int k = 0; k < 9; k++)
            Assert.Equal(Math.Pow(10, -2 + k / 4.0), Read(grid.Cells[k].Values[0]), 1e-15);
    }

    [Fact]
    public void Expand_LinearRange_GivesEvenSteps()
    {
        var grid = SpecGrid.Expand("sgd(lr=[0..1:5])");

        Assert.Equal(["sgd(lr=0)", "sgd(lr=0.25)", "sgd(lr=0.5)", "sgd(lr=0.75)", "sgd(lr=1)"], grid.Cells.Select(c => c.Spec));
        Assert.False(grid.Axes[0].Log);
    }

    [Fact]
    public void Expand_TwoGrids_LastVariesFastest()
    {
        var grid = SpecGrid.Expand("adam(lr=[1e-3, 1e-2], beta1=[0.5,0.9], eps=1e-8)");

        Assert.Equal(
            ["adam(lr=1e-3, beta1=0.5, eps=1e-8)", "adam(lr=1e-3, beta1=0.9, eps=1e-8)", "adam(lr=1e-2, beta1=0.5, eps=1e-8)", "adam(lr=1e-2, beta1=0.9, eps=1e-8)"],
            grid.Cells.Select(c => c.Spec));
        Assert.Equal(["1e-2", "0.9"], grid.Cells[3].Values);
    }

    [Fact]
    public void Expand_NoGrid_OneCellThatIsTheSpec()
    {
        var grid = SpecGrid.Expand("sgd(lr=0.1, schedule=multistep(milestones=[30, 80], gamma=0.1))");

        Assert.Empty(grid.Axes);
        Assert.Equal("sgd(lr=0.1, schedule=multistep(milestones=[30, 80], gamma=0.1))", Assert.Single(grid.Cells).Spec);
    }

    [Fact]
    public void Expand_ScheduleKeysAndListsOfMilestones_GridTheScheduleAndKeepALiteralList()
    {
        var grid = SpecGrid.Expand("sgd(lr=0.1, schedule=multistep(milestones=[[30,80],[50]], gamma=[0.1,0.5]))");

        Assert.Equal(
            ["sgd(lr=0.1, schedule=multistep(milestones=[30,80], gamma=0.1))", "sgd(lr=0.1, schedule=multistep(milestones=[30,80], gamma=0.5))",
             "sgd(lr=0.1, schedule=multistep(milestones=[50], gamma=0.1))", "sgd(lr=0.1, schedule=multistep(milestones=[50], gamma=0.5))"],
            grid.Cells.Select(c => c.Spec));
        foreach (var cell in grid.Cells) OptimizerCatalog.Resolve(cell.Spec, Convention.PyTorch);
    }

    [Fact]
    public void Expand_TypedRule_GridsItsHyperparametersNotItsStatements()
    {
        const string spec = "rule(v = mu*v + lr*g; p = p - v | lr=[0.1,0.2], mu=0.9)";

        var grid = SpecGrid.Expand(spec);

        Assert.Equal(["rule(v = mu*v + lr*g; p = p - v | lr=0.1, mu=0.9)", "rule(v = mu*v + lr*g; p = p - v | lr=0.2, mu=0.9)"], grid.Cells.Select(c => c.Spec));
        foreach (var cell in grid.Cells) OptimizerCatalog.Resolve(cell.Spec, Convention.PyTorch);
    }

    [Fact]
    public void Expand_NestedSpec_GridsTheInnerKey()
    {
        var grid = SpecGrid.Expand("lookahead(adam(lr=[1e-3..1e-1:3log]), k=5)");

        Assert.Equal(["lookahead(adam(lr=0.001), k=5)", "lookahead(adam(lr=0.01), k=5)", "lookahead(adam(lr=0.1), k=5)"], grid.Cells.Select(c => c.Spec));
    }

    [Theory]
    [InlineData("adam(lr=[1e-4..1:0log])", 17, "count")]
    [InlineData("adam(lr=[1e-4..1:1001log])", 17, "count")]
    [InlineData("adam(lr=[1e-4..1:17])", 8, null)]
    [InlineData("adam(lr=[0..1:5log])", 9, "above 0")]
    [InlineData("adam(lr=[1..1e-4:5log])", 12, "upwards")]
    [InlineData("adam(lr=[1e-4..1])", 16, "count")]
    [InlineData("adam(lr=[1e-4..x:3])", 15, "not a finite number")]
    [InlineData("adam(lr=[0.1,,0.2])", 13, "empty value")]
    [InlineData("adam(lr=[0.1..0.2:1])", 18, "one value")]
    [InlineData("adam(lr=[0.1, 0.2)", 8, "never closed")]
    [InlineData("adam(lr=[1..2:1000], beta1=[0.1..0.9:1000])", 27, "100,000")]
    public void Expand_BadGrid_RaisesGridExceptionAtTheFault(string spec, int position, string? words)
    {
        if (words is null)
        {
            Assert.Equal(17, SpecGrid.Expand(spec).Cells.Count);
            return;
        }
        var e = Assert.Throws<GridException>(() => SpecGrid.Expand(spec));

        Assert.Equal(position, e.Position);
        Assert.Contains(words, e.Reason, StringComparison.Ordinal);
        var lines = e.Display.Split('\n');
        Assert.Equal(spec, lines[0]);
        Assert.Equal(new string(' ', position) + "^", lines[1]);
    }

    [Fact]
    public void ErrorReports_GridException_IsBadInputOnOptimizerWithTheCaret()
    {
        var e = Assert.Throws<GridException>(() => SpecGrid.Expand("adam(lr=[0..1:5log])"));

        var report = ErrorReports.Describe(e);

        Assert.Equal(ErrorKind.BadInput, report.Kind);
        Assert.Equal("optimizer", report.Argument);
        Assert.Equal(9, report.Position);
        Assert.Contains("column 10", report.Message, StringComparison.Ordinal);
        Assert.NotNull(report.Display);
    }
}
