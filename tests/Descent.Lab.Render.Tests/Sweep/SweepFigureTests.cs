using Descent.Lab.Render.Sweep;
using Descent.Lab.Sweep;
using SixLabors.ImageSharp;

namespace Descent.Lab.Render.Tests.Sweep;

public sealed class SweepFigureTests
{
    [Fact]
    public void Quantile_HandWorked_InterpolatesAsNumPy()
    {
        // numpy.quantile([1, 2, 4, 8], [0.25, 0.5, 0.75]) = 1.75, 3, 5.
        double[] sorted = [1, 2, 4, 8];

        Assert.Equal(1.75, SweepFigure.Quantile(sorted, 0.25));
        Assert.Equal(3, SweepFigure.Quantile(sorted, 0.5));
        Assert.Equal(5, SweepFigure.Quantile(sorted, 0.75));
    }

    [Fact]
    public void Curves_TwoGrids_OneCurvePerOtherValueWithTheMediansOverStarts()
    {
        var result = SweepExperiment.Run(new SweepConfig
        {
            Function = "x^2 + y^2",
            Optimizers = ["sgd(lr=[0.01,0.1], momentum=[0,0.5])"],
            Steps = 10,
            Starts = 3,
        });

        var curves = SweepFigure.Curves(result);

        Assert.Equal(2, curves.Count);
        Assert.Contains("momentum=0.5", curves[1].Label, StringComparison.Ordinal);
        Assert.Equal([0.01, 0.1], curves[0].LearningRates);
        var losses = result.Rows.Where(r => r.Spec == "sgd(lr=0.1, momentum=0)").Select(r => r.Outcome.FinalLoss).Order().ToList();
        Assert.Equal(losses[1], curves[0].Median[1]);
    }

    [Fact]
    public void Save_TwoGridSweep_WritesThreePanelsStacked()
    {
        var result = SweepExperiment.Run(new SweepConfig
        {
            Function = "wobbly",
            Optimizers = ["adam(lr=[0.01..1:5log], beta1=[0.5,0.9])", "sgd(lr=[0.01..1:5log])"],
            Steps = 20,
            Starts = 2,
        });
        string path = Path.Combine(Path.GetTempPath(), $"descent-sweep-{Guid.NewGuid():N}.png");
        try
        {
            SweepFigure.Save(result, path);

            var info = Image.Identify(path);
            Assert.Equal(1600, info.Width);
            Assert.Equal(SweepFigure.PanelHeight * 2 + SweepFigure.PanelHeight * 2 / 3, info.Height);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
