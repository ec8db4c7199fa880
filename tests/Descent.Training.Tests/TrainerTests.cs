using Descent.Specs;
using Descent.Training.Datasets;
using Descent.Training.Networks;

namespace Descent.Training.Tests;

public class TrainerTests
{
    private static Dataset Digits => DatasetCatalog.Load("digits");

    private static OptimizerOptions Spec(string text) => OptimizerCatalog.Resolve(text, Convention.PyTorch);

    private static readonly TrainingOptions Short = new() { Epochs = 2, BatchSize = 64, Seed = 3 };

    [Fact]
    public void Initialize_SameSeed_SameBits()
    {
        var a = ModelCatalog.Create("cnn", new Shape(1, 8, 8), 10);
        var b = ModelCatalog.Create("cnn", new Shape(1, 8, 8), 10);
        a.Initialize(9);
        b.Initialize(9);
        Assert.Equal(a.Parameters, b.Parameters);
        b.Initialize(10);
        Assert.NotEqual(a.Parameters, b.Parameters);
    }

    [Fact]
    public void Initialize_HeUniform_StaysWithinLimitAndZeroesBiases()
    {
        var network = ModelCatalog.Create(new ModelSpec("mlp") { Hidden = [50] }, Shape.Vector(24), 10);
        network.Initialize(1);
        var dense = (Dense)network.Layers[1];
        float limit = MathF.Sqrt(6f / 24);
        var weights = network.Parameters.AsSpan(dense.ParameterOffset, 24 * 50).ToArray();
        Assert.All(weights, w => Assert.InRange(w, -limit, limit));
        Assert.True(weights.Max() > 0.9f * limit && weights.Min() < -0.9f * limit);
        Assert.All(network.Parameters.AsSpan(dense.ParameterOffset + 24 * 50, 50).ToArray(), b => Assert.Equal(0f, b));
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn")]
    public void Train_SameSeed_SameLossHistoryBitsAndWeights(string model)
    {
        var data = Digits;
        var first = ModelCatalog.Create(new ModelSpec(model) { Dropout = 0.2 }, data.SampleShape, 10);
        var second = ModelCatalog.Create(new ModelSpec(model) { Dropout = 0.2 }, data.SampleShape, 10);
        var a = Trainer.Train(first, data, "adam", Spec("adam(lr=0.003)"), Short);
        var b = Trainer.Train(second, data, "adam", Spec("adam(lr=0.003)"), Short);
        Assert.Equal(a.TrainLoss, b.TrainLoss);
        Assert.Equal(a.Epochs.Select(e => e.TestLoss), b.Epochs.Select(e => e.TestLoss));
        Assert.Equal(first.Parameters, second.Parameters);
        var c = Trainer.Train(second, data, "adam", Spec("adam(lr=0.003)"), Short with { Seed = 4 });
        Assert.NotEqual(a.TrainLoss, c.TrainLoss);
    }

    [Fact]
    public void Compare_EveryOptimizer_StartsFromSameWeightsAndBatches()
    {
        var data = Digits;
        var network = ModelCatalog.Create("mlp", data.SampleShape, 10);
        var runs = Trainer.Compare(network, data, [("sgd(lr=0.1)", Spec("sgd(lr=0.1)")), ("adam", Spec("adam")), ("sgd again", Spec("sgd(lr=0.1)"))], Short);
        // Same start and same first batch: the first recorded loss (before any step) agrees across optimizers.
        Assert.Equal(runs[0].TrainLoss[0], runs[1].TrainLoss[0]);
        Assert.Equal(runs[0].Epochs[0].TestLoss, runs[1].Epochs[0].TestLoss);
        // Same optimizer twice in one comparison: the same race, bit for bit.
        Assert.Equal(runs[0].TrainLoss, runs[2].TrainLoss);
        Assert.NotEqual(runs[0].TrainLoss, runs[1].TrainLoss);
        Assert.Equal(["sgd(lr=0.1)", "adam", "sgd again"], runs.Select(r => r.Optimizer));
    }

    [Fact]
    public void Train_Records_LossPerIterationAndMetricsPerEpoch()
    {
        var data = Digits;
        var network = ModelCatalog.Create("logreg", data.SampleShape, 10);
        var progress = new List<TrainingProgress>();
        var run = Trainer.Train(network, data, "sgd(lr=0.1)", Spec("sgd(lr=0.1)"), Short, progress.Add);
        int perEpoch = (1442 + 63) / 64;
        Assert.Equal(2 * perEpoch, run.TrainLoss.Count);
        Assert.Equal(Enumerable.Range(1, 2 * perEpoch), run.Iterations.Select(i => i.Iteration));
        Assert.Equal(Enumerable.Range(1, 2 * perEpoch).Select(i => (i - 1) / perEpoch + 1), run.Iterations.Select(i => i.Epoch));
        Assert.True(run.Iterations.Zip(run.Iterations.Skip(1)).All(p => p.First.Seconds <= p.Second.Seconds));
        Assert.Equal([0, 1, 2], run.Epochs.Select(e => e.Epoch));
        Assert.Equal([0, perEpoch, 2 * perEpoch], run.Epochs.Select(e => e.Iteration));
        Assert.True(run.Epochs.Zip(run.Epochs.Skip(1)).All(p => p.First.Seconds <= p.Second.Seconds));
        Assert.False(run.Diverged);
        Assert.True(run.FinalTestAccuracy > 0.85, $"logreg on digits: {run.FinalTestAccuracy}");
        Assert.Equal(2 * perEpoch + 3, progress.Count);
        Assert.Equal(2 * perEpoch, progress[^1].Iteration);
        Assert.Equal(2 * perEpoch, progress[^1].TotalIterations);
    }

    [Fact]
    public void Train_HugeLearningRate_StopsAndMarksDivergedWithoutThrowing()
    {
        var data = Digits;
        var network = ModelCatalog.Create("mlp", data.SampleShape, 10);
        var run = Trainer.Train(network, data, "sgd(lr=1e30)", Spec("sgd(lr=1e30)"), Short);
        Assert.True(run.Diverged);
        Assert.NotNull(run.DivergedAtIteration);
        Assert.True(run.TrainLoss.Count < 2 * 23);
        Assert.All(run.TrainLoss, l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void Train_LectureNesterov_StepsThroughGradientOracleAndLearns()
    {
        var data = Digits;
        var network = ModelCatalog.Create("logreg", data.SampleShape, 10);
        var options = OptimizerCatalog.Resolve("nesterov(lr=0.05)", Convention.Lecture);
        var run = Trainer.Train(network, data, "nesterov(lr=0.05)", options, Short);
        Assert.False(run.Diverged);
        Assert.True(run.FinalTestAccuracy > 0.85, $"lecture Nesterov logreg on digits: {run.FinalTestAccuracy}");
        Assert.True(run.TrainLoss[^1] < run.TrainLoss[0]);
    }

    [Fact]
    public void Train_BadOptions_ThrowsNamingTheProblem()
    {
        var data = Digits;
        var network = ModelCatalog.Create("logreg", data.SampleShape, 10);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(network, data, "sgd", Spec("sgd"), Short with { BatchSize = 0 }));
        Assert.Contains("batch size", e.Message);
        var mnistModel = ModelCatalog.Create("logreg", new Shape(1, 28, 28), 10);
        e = Assert.Throws<ArgumentException>(() => Trainer.Train(mnistModel, data, "sgd", Spec("sgd"), Short));
        Assert.Contains("64 values", e.Message);
    }

    [Fact]
    public void Create_UnknownModel_ListsValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelCatalog.Create("resnet", new Shape(1, 8, 8), 10));
        Assert.Contains("'resnet'", e.Message);
        Assert.Contains("logreg, mlp, cnn", e.Message);
    }

    [Fact]
    public void Create_Models_HaveExpectedParameterCounts()
    {
        var shape = new Shape(1, 28, 28);
        Assert.Equal(784 * 10 + 10, ModelCatalog.Create("logreg", shape, 10).ParameterCount);
        Assert.Equal(784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10, ModelCatalog.Create("mlp", shape, 10).ParameterCount);
        Assert.Equal(784 * 1000 + 1000 + 1000 * 1000 + 1000 + 1000 * 10 + 10,
            ModelCatalog.Create(new ModelSpec("mlp") { Hidden = ModelSpec.ParseHidden("1000,1000") }, shape, 10).ParameterCount);
        // conv 1→8 (3×3) + conv 8→16 (3×3) + dense 16·7·7→10.
        Assert.Equal(8 * 9 + 8 + 16 * 72 + 16 + 16 * 7 * 7 * 10 + 10, ModelCatalog.Create("cnn", shape, 10).ParameterCount);
    }

    [Fact]
    public void ParseHidden_BadEntry_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelSpec.ParseHidden("100,x"));
        Assert.Contains("'x'", e.Message);
    }

    [Fact]
    public void DeterministicRandom_SameSeed_SameStreamAndUnbiasedRange()
    {
        var a = new DeterministicRandom(123);
        var b = new DeterministicRandom(123);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var counts = new int[7];
        for (int i = 0; i < 70000; i++) counts[a.NextInt32(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
        for (int i = 0; i < 1000; i++) Assert.InRange(a.NextSingle(), 0f, 0.99999995f);
    }

    [Fact]
    public void DeterministicRandom_SplitMix64Seeding_MatchesReferenceOutput()
    {
        // xoshiro256** seeded with SplitMix64(0): state words from the reference splitmix64.c are
        // e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, f88bb8a8724c81ec; the first output is
        // rotl(s1 * 5, 7) * 9 computed by hand from s1.
        ulong s1 = 0x6e789e6aa1b965f4UL;
        ulong expected = ulong.RotateLeft(s1 * 5, 7) * 9;
        Assert.Equal(expected, new DeterministicRandom(0).NextUInt64());
    }
}
