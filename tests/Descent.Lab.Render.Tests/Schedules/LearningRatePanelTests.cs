using Descent.Lab.Render.Charts;
using Descent.Lab.Render.Landscape;
using Descent.Lab.Render.Response;
using Descent.Lab.Render.Tests.Landscape;
using Descent.Lab.Render.Training;
using Descent.Lab.Render.Trajectory;
using Descent.Lab.Response;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Training;
using SixLabors.ImageSharp;

namespace Descent.Lab.Render.Tests.Schedules;

/// <summary>
/// A figure whose result carries learning rates (a spec with a schedule) gets the learning-rate panel under it,
/// drawn from those numbers; a figure without has none and keeps its size.
/// </summary>
public sealed class LearningRatePanelTests
{
    private static LandscapeScene Scheduled(IReadOnlyList<double>? rates)
    {
        var lecture = Scenes.Lecture(steps: 4);
        return lecture with { Paths = [lecture.Paths[0] with { LearningRates = rates }, lecture.Paths[1]] };
    }

    [Fact]
    public void LandscapeFigure_PathWithLearningRates_IsTallerByThePanel()
    {
        using var dir = new TempDirectory();

        LandscapeFigure.Save(Scheduled([0.1, 0.05, 0.025, 0.0125]), dir.File("with.png"));
        LandscapeFigure.Save(Scheduled(null), dir.File("without.png"));

        var with = Image.Identify(dir.File("with.png"));
        var without = Image.Identify(dir.File("without.png"));
        Assert.Equal((960, 640 + 240), (with.Width, with.Height));
        Assert.Equal((960, 640), (without.Width, without.Height));
        Assert.Equal(880, LandscapeFigure.HeightOf(Scheduled([0.1])));
        Assert.Equal(640, LandscapeFigure.HeightOf(Scheduled(null)));
        Assert.Null(LandscapeFigure.BuildLearningRatePanel(Scheduled(null)));
    }

    [Fact]
    public void LandscapeFigure_ScheduledSvg_StacksBothPanels()
    {
        using var dir = new TempDirectory();

        LandscapeFigure.Save(Scheduled([0.1, 0.05, 0.025, 0.0125]), dir.File("with.svg"));

        string svg = File.ReadAllText(dir.File("with.svg"));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"880\"", svg);
        Assert.Contains("<svg x=\"0\" y=\"640\"", svg);
        Assert.Contains("learning rate", svg);
    }

    [Fact]
    public void TrajectoryFigure_ScheduledRun_PanelPlotsTheRecordedRatesInThePathsColors()
    {
        var result = TrajectoryExperiment.Run(new TrajectoryConfig
        {
            Function = "hills-and-canyon",
            Optimizers = ["adam(lr=0.25)", "adam(lr=0.25, schedule=cosine(t_max=20, eta_min=0.01))"],
            Steps = 20,
        });

        using var panel = LandscapeFigure.BuildLearningRatePanel(TrajectoryOutputs.Scene(result));

        var lines = panel!.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(2, lines.Count);
        for (int k = 0; k < 2; k++)
        {
            var points = lines[k].Data.GetScatterPoints();
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (double)i), points.Select(p => p.X));
            Assert.Equal(result.Paths[k].LearningRates!, points.Select(p => p.Y));
        }
        // cosine from 0.25 to 0.01 over 20 steps: step 11 runs at the midpoint 0.13 (to rounding).
        Assert.Equal(0.13, lines[1].Data.GetScatterPoints()[10].Y, 1e-12);
        Assert.Equal("#1F77B4", lines[0].Color.ToHex()[..7]);
        Assert.Equal("#FF7F0E", lines[1].Color.ToHex()[..7]);
    }

    [Fact]
    public void TrainingFigure_ScheduledHistory_HasThePanelUnderTheAccuracy()
    {
        using var dir = new TempDirectory();

        TrainingFigureRenderer.Save(Training([0.1, 0.1, 0.05, 0.05]), dir.File("with.png"));
        TrainingFigureRenderer.Save(Training(null), dir.File("without.png"));

        Assert.Equal((1600, 800 + 600 + 400), Size(dir.File("with.png")));
        Assert.Equal((1600, 800 + 600), Size(dir.File("without.png")));
        Assert.Equal(1800, TrainingFigureRenderer.HeightOf(Training([0.1])));
    }

    [Fact]
    public void ResponseFigure_ScheduledCurve_HasThePanelUnderTheChart()
    {
        using var dir = new TempDirectory();

        ResponseOutputs.WriteFigure(Response([0.25, 0.125, 0.0625]), dir.File("with.png"));
        ResponseOutputs.WriteFigure(Response(null), dir.File("without.png"));
        ResponseOutputs.WriteFigure(Response([0.25, 0.125, 0.0625]), dir.File("with.svg"));

        Assert.Equal((1600, 900 + 400), Size(dir.File("with.png")));
        Assert.Equal((1600, 900), Size(dir.File("without.png")));
        Assert.Contains("height=\"1300\"", File.ReadAllText(dir.File("with.svg")));
    }

    [Fact]
    public void LearningRatePanel_NoRates_IsNoPanel()
    {
        Assert.Null(LearningRatePanel.Build([]));
        Assert.Null(LearningRatePanel.Build([new LearningRateSeries("adam", ScottPlot.Colors.Blue, [])]));
        using var one = LearningRatePanel.Build([new LearningRateSeries("adam", ScottPlot.Colors.Blue, [0.5])]);
        Assert.NotNull(one);
        one.GetImage(400, 100).Dispose();
    }

    private static (int, int) Size(string file)
    {
        var info = Image.Identify(file);
        return (info.Width, info.Height);
    }

    // Results made by hand: the renderer draws whatever a result holds, without running anything.
    private static TrainingResult Training(IReadOnlyList<double>? rates) => new()
    {
        Config = new TrainingConfig { Dataset = "digits", Model = "logreg", Optimizers = ["sgd(lr=0.1, schedule=step(step_size=2, gamma=0.5))"], Epochs = 2, BatchSize = 1024 },
        ToolVersion = "test",
        DatasetSource = "bundled:digits",
        TrainSamples = 1442,
        TestSamples = 355,
        Model = "logreg",
        Parameters = 650,
        Histories =
        [
            new TrainingHistory
            {
                Optimizer = "sgd(lr=0.1, schedule=step(step_size=2, gamma=0.5))",
                Resolved = "sgd(lr=0.1)",
                Iterations = [new(1, 1, 2.3, 0.1), new(1, 2, 1.9, 0.2), new(2, 3, 1.2, 0.3), new(2, 4, 0.9, 0.4)],
                Epochs = [new(0, 0, 2.3, 0.1, 0.05, 0), new(1, 2, 1.5, 0.6, 0.25, 0.2), new(2, 4, 0.8, 0.8, 0.45, 0.4)],
                LearningRates = rates,
            },
        ],
    };

    private static ResponseResult Response(IReadOnlyList<double>? rates) => new()
    {
        Config = new ResponseConfig { Signal = "spikes", Optimizers = ["sgd(lr=0.25, schedule=exponential(gamma=0.5))"] },
        ToolVersion = "test",
        Steps = 3,
        Signal = [1, 0, 1],
        Curves = [new ResponseCurve { Optimizer = "sgd(lr=0.25, schedule=exponential(gamma=0.5))", Resolved = "sgd", Gradients = [1, 0, 1], Updates = [0.25, 0, 0.0625], LearningRates = rates }],
    };
}

