using Descent.Lab.IO;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

public class TrajectoryJsonTests
{
    private static TrajectoryResult Mixed() => TrajectoryExperiment.Run(new TrajectoryConfig
    {
        // sgd's first step takes y far below 0, where √y is NaN; the others stay above 0.
        Function = "sqrt(y) + x^2",
        Optimizers = ["adam(lr=0.01, beta1=0.9)", "momentum(lr=0.001)", "sgd(lr=1e7)"],
        Convention = Convention.Lasagne,
        Start = new(1, 0.25),
        Steps = 20,
    });

    [Fact]
    public void LabJson_TrajectoryResult_RoundTripsBitForBit()
    {
        var original = Mixed();
        Assert.Equal([null, null, 1], original.Paths.Select(p => p.DivergedAtStep));

        string json = LabJson.Serialize(original);
        var back = LabJson.Deserialize<TrajectoryResult>(json);

        Assert.Equal(original.Config.Function, back.Config.Function);
        Assert.Equal(original.Config.Optimizers, back.Config.Optimizers);
        Assert.Equal(original.Config.Convention, back.Config.Convention);
        Assert.Equal(original.Config.Start, back.Config.Start);
        Assert.Equal(original.Config.Steps, back.Config.Steps);
        Assert.Equal((original.ToolVersion, original.Function, original.Formula, original.Domain, original.Start, original.Steps),
            (back.ToolVersion, back.Function, back.Formula, back.Domain, back.Start, back.Steps));
        Assert.Equal(original.Minima, back.Minima);
        Assert.Equal(original.Paths.Count, back.Paths.Count);
        for (int k = 0; k < original.Paths.Count; k++)
        {
            var (a, b) = (original.Paths[k], back.Paths[k]);
            Assert.Equal((a.Optimizer, a.Resolved, a.DivergedAtStep), (b.Optimizer, b.Resolved, b.DivergedAtStep));
            foreach (var (x, y) in new[] { (a.X, b.X), (a.Y, b.Y), (a.Loss, b.Loss), (a.GradientX, b.GradientX), (a.GradientY, b.GradientY) })
                Assert.Equal(TrajectoryExperimentTests.Bits(x), TrajectoryExperimentTests.Bits(y));
            Assert.Equal(a.State.Select(s => s.Name), b.State.Select(s => s.Name));
            for (int s = 0; s < a.State.Count; s++)
            {
                Assert.Equal(TrajectoryExperimentTests.Bits(a.State[s].X), TrajectoryExperimentTests.Bits(b.State[s].X));
                Assert.Equal(TrajectoryExperimentTests.Bits(a.State[s].Y), TrajectoryExperimentTests.Bits(b.State[s].Y));
            }
            Assert.Equal(a.Summary, b.Summary);
        }
        Assert.Equal(json, LabJson.Serialize(back));
    }

    [Fact]
    public void LabJson_TrajectoryResult_UsesSnakeCaseAndNamedNonFiniteNumbers()
    {
        string json = LabJson.Serialize(Mixed());

        Assert.Contains("\"diverged_at_step\"", json);
        Assert.Contains("\"gradient_x\"", json);
        Assert.Contains("\"convention\": \"lasagne\"", json);
        Assert.Contains("\"exp_avg_sq\"", json);
        Assert.Contains("\"NaN\"", json);
    }

    [Fact]
    public void LabJson_ConfigWithoutStartOrSteps_RoundTripsNulls()
    {
        var config = new TrajectoryConfig { Function = "rosenbrock", Optimizers = ["adam(lr=0.01)"] };

        var back = LabJson.Deserialize<TrajectoryConfig>(LabJson.Serialize(config));

        Assert.Null(back.Start);
        Assert.Null(back.Steps);
        Assert.Equal(config.Optimizers, back.Optimizers);
    }

    [Fact]
    public void LabJson_ResultWithoutPaths_IsAnErrorNamingTheSource()
    {
        var e = Assert.Throws<LabInputException>(() => LabJson.Deserialize<TrajectoryResult>("{\"tool_version\": \"x\"}", "t.json"));

        Assert.StartsWith("t.json", e.Message);
    }
}
