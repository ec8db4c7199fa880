using Descent.Lab.Recipes;
using Descent.Lab.Sweep;

namespace Descent.Lab.Tests.Recipes;

/// <summary>The statements of the <c>lecture-sensitivity</c> captions, checked against the recipe's own sweeps.</summary>
public sealed class LectureSensitivityRecipeTests
{
    private static Dictionary<string, SweepSummary> Bands(string figure)
    {
        var result = SweepExperiment.Run(LectureSensitivityRecipe.Recipe.Figure(figure).Config);
        return result.Summaries.ToDictionary(s => s.Optimizer[..s.Optimizer.IndexOf('(', StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData("hills-and-canyon", 1.75, 1.25, 0, 0, 0.75)]
    [InlineData("wobbly", 2.25, 1.75, 0.5, 0.5, 1.0)]
    public void Landscape_Caption_BandWidthsAndOrderAsStated(string figure, double adam, double nesterov, double rmsprop, double adadelta, double adagrad)
    {
        var bands = Bands(figure);
        var caption = LectureSensitivityRecipe.Recipe.Figure(figure).Caption;

        Assert.Equal(adam, bands["adam"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(nesterov, bands["nesterov"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(rmsprop, bands["rmsprop"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(adadelta, bands["adadelta"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(adagrad, bands["adagrad"].GoodLrDecades!.Value, 1e-9);
        // The caption's order: Adam widest, Nesterov second, RMSProp and Adadelta narrowest.
        var widths = bands.ToDictionary(b => b.Key, b => b.Value.GoodLrDecades!.Value);
        Assert.Equal("adam", widths.MaxBy(w => w.Value).Key);
        Assert.Equal("nesterov", widths.Where(w => w.Key != "adam").MaxBy(w => w.Value).Key);
        Assert.Equal(widths.Values.Min(), widths["rmsprop"]);
        Assert.Equal(widths.Values.Min(), widths["adadelta"]);
        Assert.Contains($"({adam:0.##} decades)", caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Mnist_Caption_BandWidthsAndLowestLossAsStated()
    {
        var bands = Bands("mnist-mlp");

        Assert.Equal(0.5, bands["adam"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(0.5, bands["nesterov"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(0.5, bands["adadelta"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(0, bands["rmsprop"].GoodLrDecades!.Value, 1e-9);
        Assert.Equal(0, bands["adagrad"].GoodLrDecades!.Value, 1e-9);
        var best = bands.Values.MinBy(s => s.BestMedianLoss)!;
        Assert.Equal("nesterov(lr=0.03162277660168379, momentum=0.9)", best.BestSpec);
        Assert.Equal(0.28, best.BestMedianLoss, 0.005);
    }
}
