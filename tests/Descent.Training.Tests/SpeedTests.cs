using System.Diagnostics;
using Descent.Specs;
using Descent.Training.Datasets;
using Descent.Training.Networks;
using Xunit.Abstractions;

namespace Descent.Training.Tests;

/// <summary>Timing harnesses, not correctness tests: run with DESCENT_BENCH=1 and a detailed console logger.</summary>
public class SpeedTests(ITestOutputHelper output)
{
    [Trait("Category", "Benchmark")]
    [Fact]
    public void MlpEpoch_Adam8000Samples_ReportSeconds()
    {
        if (Environment.GetEnvironmentVariable("DESCENT_BENCH") != "1") return;
        // The PyTorch peer (shared/bench/pytorch_train_bench.py): MLP 784-256-256-10, batch 128, Adam, 8,000 random samples.
        var random = new DeterministicRandom(0);
        var images = new float[8000 * 784];
        var labels = new byte[8000];
        for (int i = 0; i < images.Length; i++) images[i] = random.NextSingle();
        for (int i = 0; i < labels.Length; i++) labels[i] = (byte)random.NextInt32(10);
        var split = new DataSplit(images, labels, 784);
        var data = new Dataset("random", new Shape(1, 28, 28), 10, split, new DataSplit(images[..784], labels[..1], 784));
        var network = ModelCatalog.Create("mlp", data.SampleShape, 10);
        var adam = OptimizerCatalog.Resolve("adam(lr=0.001)", Convention.PyTorch);
        var seconds = new List<double>();
        for (int i = 0; i < 6; i++)
        {
            var run = Trainer.Train(network, data, "adam", adam, new TrainingOptions { Epochs = 1, Seed = (ulong)i });
            if (i > 0) seconds.Add(run.Epochs[^1].TrainSeconds);
        }
        seconds.Sort();
        output.WriteLine($"MLP 784-256-256-10 epoch (8000 samples, batch 128, Adam): median {seconds[2] * 1e3:F0} ms, min {seconds[0] * 1e3:F0} ms");

        network.Initialize(1);
        var opt = adam.Create<float>(network.ParameterCount);
        var batch = images.AsSpan(0, 128 * 784).ToArray();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 100; i++) network.ComputeGradients(batch, labels, 128);
        output.WriteLine($"forward+backward batch 128: {clock.Elapsed.TotalMilliseconds / 100:F3} ms");
        clock.Restart();
        for (int i = 0; i < 100; i++) network.Forward(batch, 128, training: true);
        output.WriteLine($"forward batch 128: {clock.Elapsed.TotalMilliseconds / 100:F3} ms");
        clock.Restart();
        for (int i = 0; i < 100; i++) opt.Step(network.Parameters, network.Gradients);
        output.WriteLine($"adam step ({network.ParameterCount} parameters): {clock.Elapsed.TotalMilliseconds / 100:F3} ms");
    }

    [Trait("Category", "Benchmark")]
    [Theory]
    [InlineData("cnn", "adam(lr=0.001)")]
    [InlineData("mlp", "adam(lr=0.001)")]
    [InlineData("logreg", "sgd(lr=0.1)")]
    public void BundledMnist_ThreeEpochs_ReportSecondsAndAccuracy(string model, string spec)
    {
        if (Environment.GetEnvironmentVariable("DESCENT_BENCH") != "1") return;
        var data = DatasetCatalog.Load("mnist");
        var network = ModelCatalog.Create(model, data.SampleShape, data.ClassCount);
        var run = Trainer.Train(network, data, spec, OptimizerCatalog.Resolve(spec, Convention.PyTorch), new TrainingOptions { Epochs = 3, Seed = 1 });
        foreach (var e in run.Epochs)
            output.WriteLine($"{model} {spec} epoch {e.Epoch}: test accuracy {e.TestAccuracy:P2}, loss {e.TestLoss:F4}, {e.TrainSeconds:F3} s training, {e.Seconds:F3} s total");
    }
}
