using Descent.Lab.Sweep;
using Descent.Lab.Training;

namespace Descent.Lab.Tests.Sweep;

public sealed class SweepTrainingTests
{
    [Fact]
    public void Run_TrainingSweep_EachRowEqualsTrainingWithItsSpecAndSeed()
    {
        var config = new SweepConfig
        {
            Dataset = "digits",
            Model = "logreg",
            Optimizers = ["sgd(lr=[0.01,0.1])", "adam(lr=0.01)"],
            Epochs = 2,
            Seeds = 2,
            Target = 1.0,
        };

        var result = SweepExperiment.Run(config, new SweepRunOptions { Threads = 2 });

        Assert.Equal(6, result.Rows.Count);
        Assert.Equal([1UL, 2UL, 1UL, 2UL, 1UL, 2UL], result.Rows.Select(r => r.Seed!.Value));
        foreach (var row in result.Rows)
        {
            var history = TrainingExperiment.Run(new TrainingConfig
            {
                Dataset = "digits", Model = "logreg", Optimizers = [row.Spec], Epochs = 2, Seed = row.Seed!.Value,
            }).Histories[0];
            var losses = history.Epochs.Select(e => e.TestLoss).ToList();
            Assert.Equal(BitConverter.DoubleToInt64Bits(losses[^1]), BitConverter.DoubleToInt64Bits(row.Outcome.FinalLoss));
            Assert.Equal(losses.Min(), row.Outcome.BestLoss);
            int first = losses.FindIndex(l => l <= 1.0);
            Assert.Equal(first < 0 ? null : history.Epochs[first].Epoch, row.Outcome.StepsToTarget);
            Assert.Equal(2, row.Outcome.FinalStep);
        }
    }

    [Fact]
    public void Plan_TrainingSweepWithStarts_RefusedNamingStarts()
    {
        var e = Assert.Throws<LabInputException>(() => SweepExperiment.Plan(new SweepConfig { Dataset = "digits", Model = "logreg", Optimizers = ["sgd"], Starts = 3 }));

        Assert.Equal("starts", e.Argument);
    }
}
