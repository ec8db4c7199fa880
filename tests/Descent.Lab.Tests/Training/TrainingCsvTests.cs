using System.Globalization;
using Descent.Lab.IO;
using Descent.Lab.Training;

namespace Descent.Lab.Tests.Training;

public class TrainingCsvTests
{
    private static readonly TrainingResult Result = TrainingExperiment.Run(new TrainingConfig
    {
        Dataset = "digits",
        Model = "logreg",
        Optimizers = ["sgd(lr=0.1, momentum=0.9)", "adam"],
        Epochs = 2,
        BatchSize = 512,
        Seed = 3,
    });

    [Fact]
    public void TrainingCsv_Header_IsTheContracts() =>
        Assert.Equal("optimizer,epoch,iteration,train_loss,test_loss,test_accuracy,seconds", string.Join(',', TrainingCsv.Header));

    [Fact]
    public void TrainingCsv_Rows_StepsThenEvaluationPerEpochWithTheSpecQuoted()
    {
        string[] lines = TrainingCsv.ToText(Result).Split('\n');

        // 1,442 samples in batches of 512: 3 steps per epoch; per optimizer 1 + 2·(3 + 1) rows.
        Assert.Equal(1 + 2 * 9 + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        string[] kinds = [.. lines[1..^1].Select(Kind)];
        string[] one = ["eval 0 0", "step 1 1", "step 1 2", "step 1 3", "eval 1 3", "step 2 4", "step 2 5", "step 2 6", "eval 2 6"];
        Assert.Equal([.. one, .. one], kinds);
        Assert.All(lines[1..10], l => Assert.StartsWith("\"sgd(lr=0.1, momentum=0.9)\",", l));
        Assert.All(lines[10..19], l => Assert.StartsWith("adam,", l));
    }

    [Fact]
    public void TrainingCsv_Numbers_RoundTripTheResult()
    {
        string[] lines = TrainingCsv.ToText(Result).Split('\n');
        var adam = Result.Histories[1];

        string[] step = Fields(lines[11]);
        Assert.Equal(adam.Iterations[0].TrainLoss, double.Parse(step[3], CultureInfo.InvariantCulture));
        Assert.Equal(adam.Iterations[0].Seconds, double.Parse(step[6], CultureInfo.InvariantCulture));
        string[] evaluation = Fields(lines[14]);
        Assert.Equal(adam.Epochs[1].TestLoss, double.Parse(evaluation[4], CultureInfo.InvariantCulture));
        Assert.Equal(adam.Epochs[1].TestAccuracy, double.Parse(evaluation[5], CultureInfo.InvariantCulture));
        Assert.InRange(adam.Epochs[1].TestAccuracy, 0, 1);
    }

    [Fact]
    public void TrainingCsv_DivergedRun_EndsAtItsLastFiniteStep()
    {
        var result = TrainingExperiment.Run(new TrainingConfig
        {
            Dataset = "digits", Model = "mlp", Hidden = [32], Optimizers = ["sgd(lr=1e6)"], Epochs = 3, BatchSize = 64, Seed = 7,
        });
        var h = result.Histories[0];
        Assert.True(h.Diverged);

        string[] rows = TrainingCsv.ToText(result).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];

        Assert.Equal(h.Iterations.Count + h.Epochs.Count, rows.Length);
        Assert.DoesNotContain(rows, r => r.Contains("NaN") || r.Contains("Infinity"));
    }

    // "step E I" or "eval E I", checking which fields are empty.
    private static string Kind(string line)
    {
        string[] f = Fields(line);
        Assert.Equal(7, f.Length);
        Assert.NotEqual("", f[6]);
        if (f[3] == "")
        {
            Assert.NotEqual("", f[4]);
            Assert.NotEqual("", f[5]);
            return $"eval {f[1]} {f[2]}";
        }
        Assert.Equal("", f[4]);
        Assert.Equal("", f[5]);
        return $"step {f[1]} {f[2]}";
    }

    // The fields of a row whose first field may be quoted (no quotes inside, as in these specs).
    private static string[] Fields(string line)
    {
        if (!line.StartsWith('"')) return line.Split(',');
        int end = line.IndexOf('"', 1);
        return [line[1..end], .. line[(end + 2)..].Split(',')];
    }
}

public class TrainingJsonTests
{
    [Fact]
    public void LabJson_TrainingResult_RoundTripsBitForBit()
    {
        var original = TrainingExperiment.Run(new TrainingConfig
        {
            Dataset = "digits", Model = "mlp", Hidden = [16, 8], Optimizers = ["sgd(lr=1e6)", "adam(lr=0.01, beta1=0.8)"],
            Convention = Convention.PyTorch, Epochs = 2, BatchSize = 100, Seed = 11,
        });

        string json = LabJson.Serialize(original);
        var back = LabJson.Deserialize<TrainingResult>(json);

        Assert.Equal(original.Config.Dataset, back.Config.Dataset);
        Assert.Equal(original.Config.Model, back.Config.Model);
        Assert.Equal(original.Config.Hidden, back.Config.Hidden);
        Assert.Equal(original.Config.Optimizers, back.Config.Optimizers);
        Assert.Equal(original.Config.Convention, back.Config.Convention);
        Assert.Equal(original.Config.Epochs, back.Config.Epochs);
        Assert.Equal(original.Config.BatchSize, back.Config.BatchSize);
        Assert.Equal(original.Config.Seed, back.Config.Seed);
        Assert.Equal(original.ToolVersion, back.ToolVersion);
        Assert.Equal(original.DatasetSource, back.DatasetSource);
        Assert.Equal(original.Model, back.Model);
        Assert.Equal(original.Parameters, back.Parameters);
        Assert.Equal((original.TrainSamples, original.TestSamples), (back.TrainSamples, back.TestSamples));
        Assert.Equal(original.Histories.Count, back.Histories.Count);
        for (int k = 0; k < original.Histories.Count; k++)
        {
            var (a, b) = (original.Histories[k], back.Histories[k]);
            Assert.Equal(a.Optimizer, b.Optimizer);
            Assert.Equal(a.Resolved, b.Resolved);
            Assert.Equal(a.DivergedAtIteration, b.DivergedAtIteration);
            Assert.Equal(a.Seconds, b.Seconds);
            Assert.Equal(a.Iterations, b.Iterations);
            Assert.Equal(a.Epochs, b.Epochs);
        }
        Assert.True(back.Histories[0].Diverged);
        Assert.Contains("\"diverged_at_iteration\":", json);
        Assert.Contains("\"train_loss\":", json);
        Assert.Contains("\"test_accuracy\":", json);
        Assert.Contains("\"convention\": \"pytorch\"", json);
    }
}
