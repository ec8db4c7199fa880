using Descent.Lab.IO;
using Descent.Lab.Response;
using Descent.Lab.Signals;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Schedules;

/// <summary>
/// The learning rate each experiment records, step by step, when a spec has a schedule: the numbers the
/// optimizer ran at, which must be torch.optim.lr_scheduler's (every loss-free reference case, all its
/// steps the experiment takes), and nothing extra when no spec has one.
/// </summary>
public sealed class RecordedLearningRateTests
{
    private static readonly Lazy<TrajectoryResult> Trajectories = new(() => TrajectoryExperiment.Run(new TrajectoryConfig
    {
        // A bowl every reference case crosses without leaving it: the schedule, not the path, is under test.
        Function = "x^2 + y^2",
        Optimizers = [.. TorchLearningRates.LossFree.Select(c => c.Spec)],
        Start = new(1, -0.5),
        Steps = 300,
    }));

    public static TheoryData<string> LossFreeIds() => [.. TorchLearningRates.LossFree.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(LossFreeIds))]
    public void Trajectory_ScheduledSpec_RecordsTorchLearningRates(string id)
    {
        int k = TorchLearningRates.LossFree.ToList().FindIndex(c => c.Id == id);
        var path = Trajectories.Value.Paths[k];
        Assert.False(path.Diverged, path.Summary.ToString());
        Assert.Equal(300, path.LearningRates!.Count);
        TorchLearningRates.AssertPrefix(id, TorchLearningRates.LossFree[k].Lrs, path.LearningRates, 300);
    }

    [Fact]
    public void Response_ScheduledSpecs_RecordTorchLearningRates()
    {
        var cases = TorchLearningRates.LossFree;
        var config = new ResponseConfig { Signal = "ones", Optimizers = [.. cases.Select(c => c.Spec)] };

        var result = ResponseExperiment.Run(config, new Signal("ones", Enumerable.Repeat(1.0, 300)));

        for (int k = 0; k < cases.Count; k++)
        {
            Assert.Equal(300, result.Curves[k].LearningRates!.Count);
            TorchLearningRates.AssertPrefix(cases[k].Id, cases[k].Lrs, result.Curves[k].LearningRates!, 300);
        }
    }

    [Fact]
    public void Training_ScheduledSpecs_RecordTorchLearningRatesPerIteration()
    {
        var cases = TorchLearningRates.LossFree;
        // digits: 1,442 training samples, 12 batches of 128 per epoch, so 25 epochs are the reference's 300 steps.
        var config = new TrainingConfig { Dataset = "digits", Model = "logreg", Optimizers = [.. cases.Select(c => c.Spec)], Epochs = 25, BatchSize = 128 };

        var result = TrainingExperiment.Run(config);

        for (int k = 0; k < cases.Count; k++)
        {
            var h = result.Histories[k];
            Assert.False(h.Diverged, h.Optimizer);
            Assert.Equal(300, h.Iterations.Count);
            TorchLearningRates.AssertPrefix(cases[k].Id, cases[k].Lrs, h.LearningRates!, 300);
        }
    }

    [Fact]
    public void Trajectory_PlateauOnAFlatLoss_ReducesAfterEveryPatiencePlusOneBadSteps()
    {
        // A constant loss: the first step improves on infinity, every later one is bad, so with patience 3
        // torch's ReduceLROnPlateau halves the rate after scheduler steps 5, 9, 13…: steps 1-5 run at 0.1,
        // 6-9 at 0.05, 10-13 at 0.025. The gradient is 0, so the point never moves.
        var config = new TrajectoryConfig { Function = "1 + 0*x + 0*y", Optimizers = ["sgd(lr=0.1, schedule=plateau(factor=0.5, patience=3))"], Steps = 13 };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        double[] expected = [0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025];
        Assert.Equal(expected, path.LearningRates!);
    }

    [Fact]
    public void Training_PerEpochSchedule_RecordsOneRatePerEpoch()
    {
        // cosine over 2 epochs from 0.1: epoch 1 at 0.1, epoch 2 at 0.1·(1 + cos(π/2))/2 = 0.05 (to rounding).
        var config = new TrainingConfig { Dataset = "digits", Model = "logreg", Optimizers = ["sgd(lr=0.1, schedule=cosine(t_max=2, per=epoch))"], Epochs = 2, BatchSize = 128 };

        var h = Assert.Single(TrainingExperiment.Run(config).Histories);

        Assert.Equal(24, h.LearningRates!.Count);
        Assert.All(h.LearningRates.Take(12), lr => Assert.Equal(0.1, lr));
        Assert.All(h.LearningRates.Skip(12), lr => Assert.Equal(0.05, lr, 1e-15));
    }

    [Fact]
    public void Experiments_MixedSpecs_RecordTheConstantRateToo()
    {
        var config = new TrajectoryConfig { Function = "x^2 + y^2", Optimizers = ["adam(lr=0.25)", "adam(lr=0.25, schedule=exponential(gamma=0.5))"], Steps = 3 };

        var result = TrajectoryExperiment.Run(config);

        Assert.Equal([0.25, 0.25, 0.25], result.Paths[0].LearningRates!);
        Assert.Equal([0.25, 0.125, 0.0625], result.Paths[1].LearningRates!);
    }

    [Fact]
    public void Experiments_NoSchedule_RecordNoRatesAndWriteTheUsualFiles()
    {
        var trajectory = TrajectoryExperiment.Run(new TrajectoryConfig { Function = "x^2 + y^2", Optimizers = ["adam(lr=0.25)"], Steps = 3 });
        var response = ResponseExperiment.Run(new ResponseConfig { Signal = "spikes", Optimizers = ["adam(lr=0.25)"], Steps = 5 });

        Assert.Null(trajectory.Paths[0].LearningRates);
        Assert.Null(response.Curves[0].LearningRates);
        Assert.Equal("optimizer,step,x,y,loss", TrajectoryCsv.ToText(trajectory).Split('\n')[0]);
        Assert.Equal("optimizer,step,gradient,update", ResponseCsv.ToText(response).Split('\n')[0]);
        Assert.DoesNotContain("learning_rates", LabJson.Serialize(trajectory));
        Assert.DoesNotContain("learning_rates", LabJson.Serialize(response));
    }

    [Fact]
    public void TrajectoryCsv_Scheduled_LrColumnHoldsTheRateOfTheStepThatReachedTheRow()
    {
        var result = TrajectoryExperiment.Run(new TrajectoryConfig { Function = "x^2 + y^2", Optimizers = ["sgd(lr=0.1, schedule=exponential(gamma=0.5))"], Steps = 2 });

        var lines = TrajectoryCsv.ToText(result).TrimEnd('\n').Split('\n');

        Assert.Equal("optimizer,step,x,y,loss,lr", lines[0]);
        Assert.EndsWith(",", lines[1]);
        Assert.EndsWith(",0.1", lines[2]);
        Assert.EndsWith(",0.05", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void ResponseCsv_Scheduled_LrColumnHoldsEachStepsRate()
    {
        var result = ResponseExperiment.Run(new ResponseConfig { Signal = "spikes", Optimizers = ["sgd(lr=0.1, schedule=step(step_size=2, gamma=0.5))"], Steps = 3 });

        var lines = ResponseCsv.ToText(result).TrimEnd('\n').Split('\n');

        Assert.Equal("optimizer,step,gradient,update,lr", lines[0]);
        Assert.Equal(["0.1", "0.1", "0.05"], lines[1..].Select(l => l.Split(',')[^1]));
    }

    [Fact]
    public void TrainingCsv_Scheduled_LrOnStepRowsOnly()
    {
        var result = TrainingExperiment.Run(new TrainingConfig { Dataset = "digits", Model = "logreg", Optimizers = ["sgd(lr=0.1, schedule=exponential(gamma=0.5))"], Epochs = 1, BatchSize = 1024 });

        var rows = TrainingCsv.ToText(result).TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToList();

        Assert.Equal([.. TrainingCsv.Header, "lr"], rows[0]);
        // Evaluation 0, steps 1 and 2 (1,442 samples in batches of 1,024), evaluation 1.
        Assert.Equal(["", "0.1", "0.05", ""], rows.Skip(1).Select(r => r[^1]));
    }

    [Fact]
    public void LabJson_ScheduledResults_RoundTripTheirRates()
    {
        var trajectory = TrajectoryExperiment.Run(new TrajectoryConfig { Function = "x^2 + y^2", Optimizers = ["adam(lr=0.25, schedule=cosine(t_max=4))"], Steps = 4 });
        var training = TrainingExperiment.Run(new TrainingConfig { Dataset = "digits", Model = "logreg", Optimizers = ["sgd(lr=0.1, schedule=exponential(gamma=0.5))"], Epochs = 1, BatchSize = 1024 });

        string json = LabJson.Serialize(trajectory);
        var back = LabJson.Deserialize<TrajectoryResult>(json);
        var backTraining = LabJson.Deserialize<TrainingResult>(LabJson.Serialize(training));

        Assert.Contains("\"learning_rates\"", json);
        Assert.Equal(trajectory.Paths[0].LearningRates!, back.Paths[0].LearningRates!);
        Assert.Equal([0.1, 0.05], backTraining.Histories[0].LearningRates!);
    }
}
