using System.Diagnostics;
using Descent.Specs;
using Descent.Training.Datasets;
using Descent.Training.Networks;
using Xunit.Abstractions;

namespace Descent.Training.Tests;

/// <summary>The "done when": `descent train --dataset mnist --model mlp --optimizer "adam(lr=0.001)" --epochs 3 --seed 1`.</summary>
public class AcceptanceTests(ITestOutputHelper output)
{
    private TrainingRun Run(string model, string spec)
    {
        var data = DatasetCatalog.Load("mnist");
        var network = ModelCatalog.Create(model, data.SampleShape, data.ClassCount);
        var options = OptimizerCatalog.Resolve(spec, Convention.PyTorch);
        var clock = Stopwatch.StartNew();
        var run = Trainer.Train(network, data, spec, options, new TrainingOptions { Epochs = 3, BatchSize = 128, Seed = 1 });
        output.WriteLine($"{network.Describe()} {spec}: {clock.Elapsed.TotalSeconds:F2} s");
        foreach (var e in run.Epochs)
            output.WriteLine($"  epoch {e.Epoch} iteration {e.Iteration}: test loss {e.TestLoss:F4}, accuracy {e.TestAccuracy:P2}, {e.TrainSeconds:F3} s training");
        Assert.False(run.Diverged);
        Assert.Equal(3 * 63, run.TrainLoss.Count);
        return run;
    }

    [Fact]
    public void Mlp_AdamThreeEpochsOnMnist_ReachesNinetyFivePercent() =>
        Assert.True(Run("mlp", "adam(lr=0.001)").FinalTestAccuracy >= 0.95);

    [Fact]
    public void LogReg_SgdThreeEpochsOnMnist_ReachesEightyEightPercent() =>
        Assert.True(Run("logreg", "sgd(lr=0.1)").FinalTestAccuracy >= 0.88);
}
