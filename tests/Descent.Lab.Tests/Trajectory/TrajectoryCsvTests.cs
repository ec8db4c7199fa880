using System.Globalization;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

public class TrajectoryCsvTests
{
    [Fact]
    public void TrajectoryCsv_SpecWithCommas_QuotedOneRowPerOptimizerPerPointFromStepZero()
    {
        // sgd lr 0.25 on x² + y² halves the point each step: (1, 2) → (0.5, 1) → (0.25, 0.5).
        var result = TrajectoryExperiment.Run(new TrajectoryConfig
        {
            Function = "quadratic",
            Optimizers = ["sgd(lr=0.25, momentum=0)", "sgd(lr=0.25)"],
            Start = new(1, 2),
            Steps = 2,
        });

        string[] lines = TrajectoryCsv.ToText(result).Split('\n');

        Assert.Equal(
        [
            "optimizer,step,x,y,loss",
            "\"sgd(lr=0.25, momentum=0)\",0,1,2,5",
            "\"sgd(lr=0.25, momentum=0)\",1,0.5,1,1.25",
            "\"sgd(lr=0.25, momentum=0)\",2,0.25,0.5,0.3125",
            "sgd(lr=0.25),0,1,2,5",
            "sgd(lr=0.25),1,0.5,1,1.25",
            "sgd(lr=0.25),2,0.25,0.5,0.3125",
            "",
        ], lines);
    }

    [Fact]
    public void TrajectoryCsv_QuoteInSpec_DoubledInsideQuotes()
    {
        // A spec never holds a quote, but the column is the text as typed; RFC 4180 doubles it.
        var result = new TrajectoryResult
        {
            Config = new TrajectoryConfig { Function = "quadratic" },
            ToolVersion = "test",
            Function = "quadratic",
            Formula = "x^2 + y^2",
            Domain = new(-3, 3, -3, 3),
            Start = new(1, 2),
            Steps = 0,
            Paths =
            [
                new TrajectoryPath
                {
                    Optimizer = "say \"hi\"",
                    Resolved = "sgd(lr=0.001)",
                    X = [1], Y = [2], Loss = [5], GradientX = [2], GradientY = [4],
                    Summary = new TrajectorySummary { Optimizer = "say \"hi\"", FinalStep = 0, FinalX = 1, FinalY = 2, FinalLoss = 5 },
                },
            ],
        };

        Assert.Equal("optimizer,step,x,y,loss\n\"say \"\"hi\"\"\",0,1,2,5\n", TrajectoryCsv.ToText(result));
    }

    [Fact]
    public void TrajectoryCsv_Numbers_RoundTripAndDivergedRowIsWritten()
    {
        var result = TrajectoryExperiment.Run(new TrajectoryConfig
        {
            Function = "wobbly",
            Optimizers = ["adam(lr=0.25)", "sgd(lr=10)"],
            Convention = Convention.Lasagne,
            Steps = 30,
        });

        string[] lines = TrajectoryCsv.ToText(result).TrimEnd('\n').Split('\n');

        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(result.Paths.Sum(p => p.Count), rows.Count);
        var adam = result.Paths[0];
        for (int t = 0; t < adam.Count; t++)
        {
            Assert.Equal(t.ToString(CultureInfo.InvariantCulture), rows[t][1]);
            Assert.Equal(adam.X[t], double.Parse(rows[t][2], CultureInfo.InvariantCulture));
            Assert.Equal(adam.Y[t], double.Parse(rows[t][3], CultureInfo.InvariantCulture));
            Assert.Equal(adam.Loss[t], double.Parse(rows[t][4], CultureInfo.InvariantCulture));
        }
        var sgd = result.Paths[1];
        Assert.NotNull(sgd.DivergedAtStep);
        Assert.Equal(sgd.DivergedAtStep.ToString(), rows[^1][1]);
    }
}
