namespace Descent.Cli.Tests;

public sealed class ListCommandTests
{
    [Fact]
    public void ListOptimizers_PrintsEveryRegisteredOptimizerWithConventionDefaults()
    {
        var run = DescentProcess.Run("list", "optimizers");

        Assert.Equal(0, run.ExitCode);
        // One row per registered rule, in registration order: the first cells of the table are the registry's names.
        var firstCells = run.Out.Split('\n')
            .Select(line => line.Split('│', '|'))
            .Where(cells => cells.Length > 2)
            .Select(cells => cells[1].Trim())
            .Where(cell => cell.Length > 0 && cell != "name");
        Assert.Equal(Descent.Specs.OptimizerCatalog.Names, firstCells);
        Assert.Equal(21, Descent.Specs.OptimizerCatalog.Names.Count());
        Assert.Contains("pytorch", run.Out);
        Assert.Contains("lasagne", run.Out);
        Assert.Contains("lecture", run.Out);
        Assert.Contains("keras", run.Out);
        Assert.Contains("eps=1e-07", run.Out);
        // Each rule says whose numbers it follows.
        Assert.Contains("lion-pytorch", run.Out.Replace("\n", " "));
        Assert.Contains("torch.optim.Muon", run.Out);
        Assert.Contains("adabelief-pytorch", run.Out.Replace("\n", " "));
        Assert.Contains("timm", run.Out.Replace("\n", " "));
        Assert.Contains("schedule_free", run.Out.Replace("\n", " "));
    }

    [Fact]
    public void ListSignals_PrintsEverySignal()
    {
        var run = DescentProcess.Run("list", "signals");

        Assert.Equal(0, run.ExitCode);
        foreach (string name in new[] { "spikes", "rectangles", "noisy-sin", "very-noisy-sin", "uneven-sawtooth", "saturation" })
            Assert.Contains(name, run.Out);
    }

    [Fact]
    public void ListRecipes_PrintsTheLectureRecipe()
    {
        var run = DescentProcess.Run("list", "recipes");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("lecture", run.Out);
    }

    [Fact]
    public void List_UnknownCatalog_ExitCode2ListingValidOnes()
    {
        var run = DescentProcess.Run("list", "planets");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: list: unknown catalog 'planets'", run.Err);
        Assert.Contains("optimizers", run.Err);
    }

    [Fact]
    public void UnknownCommand_ExitCode2WithoutStackTrace()
    {
        var run = DescentProcess.Run("fly");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
