using Descent.Lab.Training;

namespace Descent.Lab.Tests.Training;

/// <summary><c>descent train --optimizer "muon(lr=0.02)"</c>: Muon on the hidden weights, AdamW beside it, shown in the resolved spec.</summary>
public sealed class MuonTrainingTests
{
    [Fact]
    public void Muon_DigitsMlp_ResolvedSpecShowsAdamWRateAndTheLossFalls()
    {
        var result = TrainingExperiment.Run(new TrainingConfig
        {
            Dataset = "digits", Model = "mlp", Hidden = [32, 32], Optimizers = ["muon(lr=0.02)"], Epochs = 2, BatchSize = 64, Seed = 1,
        });
        var history = Assert.Single(result.Histories);
        Assert.Equal("muon(lr=0.02, momentum=0.95, nesterov=true, ns_steps=5, eps=1e-07, adjust_lr=original, adamw_lr=0.001, weight_decay=0.1)", history.Resolved);
        Assert.False(history.Diverged);
        // Ten classes: chance is a loss of ln 10 ≈ 2.3 and 10 % accuracy.
        Assert.True(history.Epochs[^1].TestLoss < 0.5 * history.Epochs[0].TestLoss, $"test loss {history.Epochs[0].TestLoss} -> {history.Epochs[^1].TestLoss}");
        Assert.True(history.FinalTestAccuracy > 0.8, $"accuracy {history.FinalTestAccuracy}");
    }
}
