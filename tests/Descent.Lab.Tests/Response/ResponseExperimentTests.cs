using Descent.Lab.Response;
using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Response;

public class ResponseExperimentTests
{
    private sealed class Recorder : IProgress<LabProgress>
    {
        public List<LabProgress> Reports { get; } = [];
        public void Report(LabProgress value) => Reports.Add(value);
    }

    private static ResponseConfig Config(string signal, params string[] optimizers) =>
        new() { Signal = signal, Optimizers = optimizers, Convention = Convention.Lecture };

    [Fact]
    public void Momentum_Rectangles_HandWorkedFirstSteps()
    {
        // Lecture momentum: v = γ·v + lr·g, p −= v, so the update is v. Rectangles start 1, 1, 1.
        // v1 = 0.25; v2 = 0.9·0.25 + 0.25 = 0.475; v3 = 0.9·0.475 + 0.25 = 0.6775.
        var result = ResponseExperiment.Run(Config("rectangles", "momentum(lr=0.25, momentum=0.9)") with { Steps = 3 });
        var curve = Assert.Single(result.Curves);
        Assert.Equal([1.0, 1.0, 1.0], curve.Gradients);
        Assert.Equal(0.25, curve.Updates[0]);
        Assert.Equal(0.475, curve.Updates[1], 1e-15);
        Assert.Equal(0.6775, curve.Updates[2], 1e-15);
        Assert.Null(curve.DivergedAtStep);
        Assert.Equal("momentum(lr=0.25, momentum=0.9)", curve.Optimizer);
    }

    [Theory]
    // Signal [1, 3, 2], lecture nesterov lr=1, γ=0.5 (look-ahead at index i + γ·v):
    // i=0: v=0, read X[0] = 1, v = 1.
    // i=1: read at 1 + 0.5·1 = 1.5: linear 3 + 0.5·(2 − 3) = 2.5, v = 0.5 + 2.5 = 3;
    //                                 lecture 3 + 0.5·2 = 4,        v = 0.5 + 4 = 4.5.
    // i=2: read at 2 + 0.5·3 = 3.5 (linear) or 2 + 0.5·4.5 = 4.25 (lecture): past the end, 0;
    //      v = 1.5 (linear) or 2.25 (lecture).
    [InlineData(Interpolation.Linear, 2.5, 3.0, 1.5)]
    [InlineData(Interpolation.Lecture, 4.0, 4.5, 2.25)]
    public void Nesterov_LookAhead_ReadsSignalAtFractionalIndex(Interpolation interpolation, double read1, double v2, double v3)
    {
        var config = Config("three.csv", "nesterov(lr=1, momentum=0.5)") with { Interpolation = interpolation };
        var curve = ResponseExperiment.Run(config, new Signal("three.csv", [1, 3, 2])).Curves[0];
        Assert.Equal([1.0, read1, 0.0], curve.Gradients);
        Assert.Equal([1.0, v2, v3], curve.Updates);
    }

    [Fact]
    public void SmoothedNesterov_TwoPoints_AveragesReadsAlongTheVelocity()
    {
        // Signal [1, 3, 2], smoothed-nesterov lr=1, γ=0.5, K=2, linear: reads at i + (k/2)·γ·v, k = 1, 2.
        // i=0: v=0, reads 1, 1 → mean 1, v = 1.
        // i=1: reads at 1.25 → 3 − 0.25 = 2.75 and 1.5 → 2.5; mean 2.625, v = 0.5 + 2.625 = 3.125.
        // i=2: reads at 2.78125 → 2 (last sample held in [n−1, n)) and 3.5625 → 0; mean 1, v = 1.5625 + 1 = 2.5625.
        var config = Config("three.csv", "smoothed-nesterov(lr=1, momentum=0.5, points=2)");
        var curve = ResponseExperiment.Run(config, new Signal("three.csv", [1, 3, 2])).Curves[0];
        Assert.Equal([1.0, 2.625, 1.0], curve.Gradients);
        Assert.Equal([1.0, 3.125, 2.5625], curve.Updates);
    }

    [Fact]
    public void Sgd_WeightDecay_SeesTheTrueParameter()
    {
        // PyTorch sgd: g += wd·p; p −= lr·g, on signal [1, 1] from p = 0:
        // step 1: g = 1 + 1·0 = 1, p = −0.5, update 0.5; step 2: g = 1 + 1·(−0.5) = 0.5, p = −0.75, update 0.25.
        var config = new ResponseConfig { Signal = "ones.csv", Optimizers = ["sgd(lr=0.5, weight_decay=1)"], Convention = Convention.PyTorch };
        var curve = ResponseExperiment.Run(config, new Signal("ones.csv", [1, 1])).Curves[0];
        Assert.Equal([0.5, 0.25], curve.Updates);
    }

    [Fact]
    public void Run_NoSteps_RunsWholeSignalAndKeepsAllSamples()
    {
        var result = ResponseExperiment.Run(Config("spikes", "adam", "momentum"));
        Assert.Equal(300, result.Steps);
        Assert.Equal(300, result.Signal.Count);
        Assert.All(result.Curves, c => Assert.Equal(300, c.Updates.Count));
        Assert.Equal(ToolVersion.Current, result.ToolVersion);
        Assert.StartsWith("0.1.0", result.ToolVersion);
    }

    [Fact]
    public void Run_FewerSteps_CutsCurvesButNotSignal()
    {
        var result = ResponseExperiment.Run(Config("spikes", "adam") with { Steps = 10 });
        Assert.Equal(10, result.Steps);
        Assert.Equal(10, result.Curves[0].Updates.Count);
        Assert.Equal(10, result.Curves[0].Gradients.Count);
        Assert.Equal(300, result.Signal.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(301)]
    public void Run_StepsOutOfRange_NamesValidRange(int steps)
    {
        var e = Assert.Throws<LabInputException>(() => ResponseExperiment.Run(Config("spikes", "adam") with { Steps = steps }));
        Assert.Equal("steps", e.Argument);
        Assert.Contains("between 1 and 300", e.Message);
        Assert.Contains(steps.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void Run_UserSignalShorterThanSteps_NamesItsLength()
    {
        var e = Assert.Throws<LabInputException>(() => ResponseExperiment.Run(Config("x.csv", "adam") with { Steps = 4 }, new Signal("x.csv", [1, 2, 3])));
        Assert.Contains("between 1 and 3", e.Message);
    }

    [Theory]
    [InlineData("adamz")]
    [InlineData("adam(lr=-1)")]
    [InlineData("adam(lr=0.1")]
    public void Run_BadSpec_IsLabInputExceptionAboutOptimizer(string spec)
    {
        var e = Assert.Throws<LabInputException>(() => ResponseExperiment.Run(Config("spikes", "momentum", spec)));
        Assert.Equal("optimizer", e.Argument);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Run_NoOptimizer_IsAnError() =>
        Assert.Equal("optimizer", Assert.Throws<LabInputException>(() => ResponseExperiment.Run(Config("spikes"))).Argument);

    [Fact]
    public void Run_NaNInUserSignal_PropagatesAndMarksDivergence()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nan.csv", "1\nnan\n1\n1\n");
        var result = ResponseExperiment.Run(Config(path, "momentum(lr=0.25, momentum=0.9)", "nesterov(lr=0.25, momentum=0.9)", "adam"));
        foreach (var curve in result.Curves)
        {
            Assert.True(curve.Updates[0] > 0.2, $"{curve.Optimizer}: first update {curve.Updates[0]}");
            Assert.Equal(2, curve.DivergedAtStep);
            Assert.True(curve.Diverged);
            Assert.True(double.IsNaN(curve.Updates[1]));
            Assert.True(double.IsNaN(curve.Updates[3]), $"{curve.Optimizer}: NaN must stay in the state");
        }
        Assert.True(double.IsNaN(result.Curves[0].Gradients[1]));
    }

    [Fact]
    public void Run_InfinityInSignal_MarksDivergenceWithoutThrowing()
    {
        var result = ResponseExperiment.Run(Config("inf.csv", "momentum") with { Interpolation = Interpolation.Linear },
            new Signal("inf.csv", [0, 0, double.PositiveInfinity, 1]));
        Assert.Equal(3, result.Curves[0].DivergedAtStep);
        Assert.Equal(0.0, result.Curves[0].Updates[1]);
    }

    [Fact]
    public void Run_Progress_ReportsEachCurve()
    {
        var progress = new Recorder();
        ResponseExperiment.Run(Config("spikes", "adam", "momentum", "nesterov"), progress);
        Assert.Equal([1, 2, 3], progress.Reports.Select(r => r.Done));
        Assert.All(progress.Reports, r => Assert.Equal(3, r.Total));
        Assert.Equal("nesterov", progress.Reports[^1].Label);
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
    }

    [Fact]
    public void Run_Curve_RecordsResolvedSpec()
    {
        var curve = ResponseExperiment.Run(Config("spikes", "adam(beta1=0.5)")).Curves[0];
        Assert.Equal("adam(beta1=0.5)", curve.Optimizer);
        Assert.Contains("beta1=0.5", curve.Resolved);
        Assert.Contains("lr=0.25", curve.Resolved);
    }

    [Fact]
    public void Validate_UnknownSignal_ThrowsBeforeRunning()
    {
        var e = Assert.Throws<LabInputException>(() => ResponseExperiment.Validate(Config("sine", "adam")));
        Assert.Equal("signal", e.Argument);
    }
}
