using Descent.Lab.Training;
using Descent.Training;

namespace Descent.Lab.Tests.Training;

public class TrainingExperimentTests
{
    private sealed class Recorder : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];
        public void Report(TrainingProgress value) => Reports.Add(value);
    }

    private static TrainingConfig Digits(params string[] optimizers) => new()
    {
        Dataset = "digits",
        Model = "mlp",
        Hidden = [32],
        Optimizers = optimizers,
        Epochs = 2,
        BatchSize = 64,
        Seed = 7,
    };

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    private static long[] LossBits(TrainingHistory h) => Bits(h.Iterations.Select(i => i.TrainLoss));

    private static long[] TestBits(TrainingHistory h) => Bits(h.Epochs.SelectMany(e => new[] { e.TestLoss, e.TestAccuracy }));

    [Fact]
    public void TrainingExperiment_TwoIdenticalSpecs_GiveIdenticalHistories()
    {
        var result = TrainingExperiment.Run(Digits("adam(lr=0.01)", "adam(lr=0.01)"));

        Assert.Equal(2, result.Histories.Count);
        var (a, b) = (result.Histories[0], result.Histories[1]);
        // 1,442 training digits in batches of 64: 23 steps per epoch.
        Assert.Equal(46, a.Iterations.Count);
        Assert.Equal(LossBits(a), LossBits(b));
        Assert.Equal(TestBits(a), TestBits(b));
        Assert.Equal(a.Resolved, b.Resolved);
    }

    [Fact]
    public void TrainingExperiment_DifferentOptimizers_StartFromTheSameWeightsAndBatch()
    {
        var result = TrainingExperiment.Run(Digits("sgd(lr=0.1)", "adam(lr=0.001)", "adagrad(lr=0.01)"));

        var first = result.Histories.Select(h => h.Iterations[0].TrainLoss).ToList();
        var initialTest = result.Histories.Select(h => h.Epochs[0].TestLoss).ToList();
        Assert.All(first, loss => Assert.Equal(BitConverter.DoubleToInt64Bits(first[0]), BitConverter.DoubleToInt64Bits(loss)));
        Assert.All(initialTest, loss => Assert.Equal(BitConverter.DoubleToInt64Bits(initialTest[0]), BitConverter.DoubleToInt64Bits(loss)));
        // From the second step on the weights differ, and so do the losses.
        Assert.NotEqual(result.Histories[0].Iterations[1].TrainLoss, result.Histories[1].Iterations[1].TrainLoss);
        Assert.Equal(0, result.Histories[0].Epochs[0].Iteration);
    }

    [Fact]
    public void TrainingExperiment_SameSeed_SameBits()
    {
        var config = Digits("momentum(lr=0.05, momentum=0.9)", "rmsprop(lr=0.001)");

        var one = TrainingExperiment.Run(config);
        var two = TrainingExperiment.Run(config);
        var other = TrainingExperiment.Run(config with { Seed = 8 });

        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(LossBits(one.Histories[k]), LossBits(two.Histories[k]));
            Assert.Equal(TestBits(one.Histories[k]), TestBits(two.Histories[k]));
            Assert.NotEqual(LossBits(one.Histories[k]), LossBits(other.Histories[k]));
        }
    }

    [Fact]
    public void TrainingExperiment_HugeLearningRate_ReportsDivergenceAndTheOthersRunOn()
    {
        // lr=1000 only kills the ReLUs (a huge but finite loss); lr=1e6 overflows the weights within an epoch.
        var result = TrainingExperiment.Run(Digits("sgd(lr=1e6)", "adam(lr=0.01)"));

        var diverged = result.Histories[0];
        Assert.True(diverged.Diverged);
        Assert.NotNull(diverged.DivergedAtIteration);
        Assert.Equal(diverged.DivergedAtIteration - 1, diverged.Iterations.Count);
        Assert.All(diverged.Iterations, i => Assert.True(double.IsFinite(i.TrainLoss)));
        var healthy = result.Histories[1];
        Assert.False(healthy.Diverged);
        Assert.Equal(46, healthy.Iterations.Count);
        Assert.Equal([0, 1, 2], healthy.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void TrainingExperiment_AdamOnDigits_LearnsWellAboveChance()
    {
        var result = TrainingExperiment.Run(Digits("adam(lr=0.01)") with { Epochs = 5 });

        var h = Assert.Single(result.Histories);
        // Ten classes: chance is 10%; an MLP on the 8×8 digits reaches well over 90% in a few epochs.
        Assert.InRange(h.Epochs[0].TestAccuracy, 0, 0.3);
        Assert.True(h.FinalTestAccuracy > 0.9, $"accuracy {h.FinalTestAccuracy}");
        Assert.True(h.Iterations[^1].TrainLoss < h.Iterations[0].TrainLoss / 5);
    }

    [Fact]
    public void TrainingExperiment_Result_CarriesConfigDataAndModel()
    {
        var config = Digits("adam");
        var result = TrainingExperiment.Run(config);

        Assert.Same(config, result.Config);
        Assert.Equal(ToolVersion.Current, result.ToolVersion);
        Assert.Equal("bundled:digits", result.DatasetSource);
        Assert.Equal(1442, result.TrainSamples);
        Assert.Equal(355, result.TestSamples);
        // 64·32 + 32 + 32·10 + 10 parameters.
        Assert.Equal(64 * 32 + 32 + 32 * 10 + 10, result.Parameters);
        Assert.StartsWith("mlp", result.Model);
        var h = Assert.Single(result.Histories);
        Assert.Equal("adam", h.Optimizer);
        Assert.StartsWith("adam(lr=0.001", h.Resolved);
        Assert.True(h.Seconds > 0);
        Assert.Equal(Enumerable.Range(1, 46), h.Iterations.Select(i => i.Iteration));
        Assert.Equal(Enumerable.Repeat(1, 23).Concat(Enumerable.Repeat(2, 23)), h.Iterations.Select(i => i.Epoch));
    }

    [Fact]
    public void TrainingExperiment_Progress_ReachesEveryRunsLastStep()
    {
        var recorder = new Recorder();
        TrainingExperiment.Run(Digits("sgd(lr=0.1)", "adam(lr=0.01)"), recorder);

        foreach (int run in new[] { 0, 1 })
        {
            var reports = recorder.Reports.Where(r => r.Run == run).ToList();
            Assert.NotEmpty(reports);
            Assert.Equal(46, reports[^1].Iteration);
            Assert.Equal(46, reports[^1].TotalIterations);
        }
    }

    [Fact]
    public void TrainingExperiment_LectureConvention_ResolvesTheLecturesRule()
    {
        var result = TrainingExperiment.Run(Digits("nesterov(lr=0.01, momentum=0.9)") with { Convention = Convention.Lecture, Epochs = 1 });

        var h = Assert.Single(result.Histories);
        Assert.False(h.Diverged);
        Assert.Equal(23, h.Iterations.Count);
        Assert.StartsWith("nesterov(lr=0.01, momentum=0.9", h.Resolved);
    }

    [Fact]
    public void TrainingExperiment_IdxDirectory_TrainsOnTheUsersFiles()
    {
        using var dir = new TempDirectory();
        // 20 training and 10 test images of 2×2 pixels: class 0 is dark, class 1 bright.
        byte[] Images(int n) => [.. Enumerable.Range(0, n).SelectMany(i => Enumerable.Repeat((byte)(i % 2 == 0 ? 10 : 240), 4))];
        byte[] Labels(int n) => [.. Enumerable.Range(0, n).Select(i => (byte)(i % 2))];
        WriteIdx(Path.Combine(dir.Path, "train-images-idx3-ubyte"), [20, 2, 2], Images(20));
        WriteIdx(Path.Combine(dir.Path, "train-labels-idx1-ubyte"), [20], Labels(20));
        WriteIdx(Path.Combine(dir.Path, "t10k-images-idx3-ubyte"), [10, 2, 2], Images(10));
        WriteIdx(Path.Combine(dir.Path, "t10k-labels-idx1-ubyte"), [10], Labels(10));

        var result = TrainingExperiment.Run(new TrainingConfig { Dataset = dir.Path, Model = "logreg", Optimizers = ["sgd(lr=0.5)"], Epochs = 5, BatchSize = 4 });

        Assert.Equal(Path.GetFullPath(dir.Path), result.DatasetSource);
        Assert.Equal(20, result.TrainSamples);
        Assert.Equal(1.0, result.Histories[0].FinalTestAccuracy);
    }

    private static void WriteIdx(string path, int[] dims, byte[] data)
    {
        using var stream = File.Create(path);
        stream.Write([0, 0, 0x08, (byte)dims.Length]);
        foreach (int d in dims) stream.Write([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        stream.Write(data);
    }

    public static TheoryData<string, TrainingConfig, string> BadInputs => new()
    {
        { "dataset", Digits("adam") with { Dataset = "cifar" }, "digits, mnist" },
        { "dataset", Digits("adam") with { Dataset = "/nonexistent/idx" }, "mnist" },
        { "model", Digits("adam") with { Model = "resnet", Hidden = null }, "logreg, mlp, cnn" },
        { "hidden", Digits("adam") with { Hidden = [32, 0] }, "positive" },
        { "hidden", Digits("adam") with { Hidden = [] }, "positive" },
        { "hidden", Digits("adam") with { Model = "logreg" }, "mlp" },
        { "epochs", Digits("adam") with { Epochs = 0 }, "at least 1" },
        { "epochs", Digits("adam") with { Epochs = -3 }, "-3" },
        { "batch-size", Digits("adam") with { BatchSize = 0 }, "at least 1" },
        { "optimizer", Digits(), "adam" },
        { "optimizer", Digits("adamm"), "adamw" },
        { "optimizer", Digits("adam(beta1=2)"), "beta1" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void TrainingExperiment_BadInput_ErrorNamesTheArgument(string argument, TrainingConfig config, string mentioned)
    {
        var e = Assert.Throws<LabInputException>(() => TrainingExperiment.Run(config));

        Assert.Equal(argument, e.Argument);
        Assert.Contains(mentioned, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(argument, Assert.Throws<LabInputException>(() => TrainingExperiment.Validate(config)).Argument);
    }
}
