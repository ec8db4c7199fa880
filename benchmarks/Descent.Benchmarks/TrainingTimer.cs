using System.Diagnostics;
using System.Globalization;
using Descent.Specs;
using Descent.Training;
using Descent.Training.Datasets;
using Descent.Training.Networks;

namespace Descent.Benchmarks;

/// <summary>
/// Whole-epoch timings that BenchmarkDotNet's many short iterations do not fit: a training epoch takes
/// about a second and changes the weights it runs on. Run through <c>Program</c>:
/// <list type="bullet">
/// <item><c>epoch mlp|mlp-1000|cnn|logreg [timed-epochs]</c>: the PyTorch peer's setup
/// (<c>shared/bench/pytorch_train_bench.py</c>): 8,000 random 1×28×28 samples, batch 128, Adam (lr 0.001),
/// one warm-up epoch then the timed ones (default 5); prints the median and the minimum wall time and the
/// process's CPU time per epoch, in the peer's format so the two lines can be read side by side.</item>
/// <item><c>layers mlp|cnn</c>: milliseconds per batch of 128 in each layer's forward and backward, and the Adam step.</item>
/// <item><c>mnist mlp|cnn|logreg [optimizer]</c>: three epochs on the bundled MNIST subset, with test accuracy.</item>
/// </list>
/// </summary>
public static class TrainingTimer
{
    /// <summary>The commands this class answers.</summary>
    public static readonly string[] Commands = ["epoch", "layers", "mnist"];

    /// <summary>Runs the command in <paramref name="args"/>[0]; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        string model = args.Length > 1 ? args[1] : "cnn";
        switch (args[0])
        {
            case "epoch":
                Epochs(model, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
                return 0;
            case "layers":
                Layers(model);
                return 0;
            case "mnist":
                Mnist(model, args.Length > 2 ? args[2] : model == "logreg" ? "sgd(lr=0.1)" : "adam(lr=0.001)");
                return 0;
            default:
                Console.Error.WriteLine($"descent-benchmarks: unknown command '{args[0]}'; valid: {string.Join(", ", Commands)}, or BenchmarkDotNet's options.");
                return 2;
        }
    }

    /// <summary>The peer's data: 8,000 uniform [0, 1) images with uniform labels (one test sample, so evaluation costs nothing).</summary>
    private static Dataset RandomImages()
    {
        var random = new DeterministicRandom(0);
        var images = new float[8000 * 784];
        var labels = new byte[8000];
        for (int i = 0; i < images.Length; i++) images[i] = random.NextSingle();
        for (int i = 0; i < labels.Length; i++) labels[i] = (byte)random.NextInt32(10);
        return new Dataset("random", new Shape(1, 28, 28), 10, new DataSplit(images, labels, 784), new DataSplit(images[..784], labels[..1], 784));
    }

    /// <summary>A catalog model, or <c>mlp-1000</c>: the Adam paper's 784-1000-1000-10 MLP (the gallery's costliest figure).</summary>
    private static Network CreateModel(string model, Shape input, int classes) =>
        model == "mlp-1000" ? ModelCatalog.Create(new ModelSpec("mlp") { Hidden = [1000, 1000] }, input, classes) : ModelCatalog.Create(model, input, classes);

    private static void Epochs(string model, int timed)
    {
        var data = RandomImages();
        var network = CreateModel(model, data.SampleShape, 10);
        var adam = OptimizerCatalog.Resolve("adam(lr=0.001)", Convention.PyTorch);
        var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        // Each call trains one epoch from the same start (as the peer's loop does after its warm-up); the first warms up.
        // TrainSeconds counts the batches only; evaluation on the single test sample costs nothing.
        for (int i = 0; i <= timed; i++)
        {
            process.Refresh();
            var before = process.UserProcessorTime;
            var run = Trainer.Train(network, data, "adam", adam, new TrainingOptions { Epochs = 1, Seed = (ulong)i + 1 });
            process.Refresh();
            if (i == 0) continue;
            wall.Add(run.Epochs[^1].TrainSeconds);
            cpu.Add((process.UserProcessorTime - before).TotalSeconds);
        }
        wall.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"descent {model.ToUpperInvariant()} epoch (8000 samples, batch 128): median {wall[wall.Count / 2] * 1e3:F0} ms, min {wall[0] * 1e3:F0} ms, user CPU median {cpu[cpu.Count / 2] * 1e3:F0} ms ({Environment.ProcessorCount} cores)"));
    }

    private static void Layers(string model)
    {
        var data = RandomImages();
        var network = CreateModel(model, data.SampleShape, 10);
        network.Initialize(1);
        var adam = OptimizerCatalog.Resolve("adam(lr=0.001)", Convention.PyTorch).Create<float>(network.ParameterCount);
        const int batch = 128, reps = 300;
        var x = data.Train.Images.AsSpan(0, batch * 784).ToArray();
        var labels = data.Train.Labels.AsSpan(0, batch).ToArray();
        var outputs = network.Layers.Select(l => new float[batch * l.OutputShape.Size]).ToArray();
        var gradients = network.Layers.Select(l => new float[batch * l.InputShape.Size]).ToArray();
        var dy = new float[batch * 10];
        for (int i = 0; i < dy.Length; i++) dy[i] = 1e-3f * (i % 7 - 3);
        var process = Process.GetCurrentProcess();
        // Each layer's pass repeated alone, so the process's CPU time (all threads) can be charged to it:
        // on a shared machine wall time mostly measures the neighbours.
        (double Wall, double Cpu) Time(Action pass)
        {
            for (int i = 0; i < 5; i++) pass();
            process.Refresh();
            var cpu = process.UserProcessorTime;
            long t = Stopwatch.GetTimestamp();
            for (int i = 0; i < reps; i++) pass();
            double wall = Stopwatch.GetElapsedTime(t).TotalMilliseconds / reps;
            process.Refresh();
            return (wall, (process.UserProcessorTime - cpu).TotalMilliseconds / reps);
        }
        var input = x;
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            var layerInput = input;
            var output = outputs[i];
            var f = Time(() => layer.Forward(network.Parameters.AsSpan(layer.ParameterOffset, layer.ParameterCount), layerInput, output, batch, training: true));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{layer,-36} forward  {f.Wall,7:F3} ms wall {f.Cpu,7:F3} ms CPU"));
            input = output;
        }
        var gradient = dy;
        for (int i = network.Layers.Count - 1; i >= 0; i--)
        {
            var layer = network.Layers[i];
            var layerInput = i == 0 ? x : outputs[i - 1];
            var dx = i == 0 ? [] : gradients[i];
            var dyLayer = gradient;
            var b = Time(() => layer.Backward(network.Parameters.AsSpan(layer.ParameterOffset, layer.ParameterCount), layerInput, outputs[i], dyLayer,
                network.Gradients.AsSpan(layer.ParameterOffset, layer.ParameterCount), dx, batch));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{layer,-36} backward {b.Wall,7:F3} ms wall {b.Cpu,7:F3} ms CPU"));
            gradient = dx;
        }
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < reps; i++) network.ComputeGradients(x, labels, batch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forward+backward, batch {batch}: {clock.Elapsed.TotalMilliseconds / reps:F3} ms"));
        clock.Restart();
        for (int i = 0; i < reps; i++) adam.Step(network.Parameters, network.Gradients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"adam step ({network.ParameterCount} parameters): {clock.Elapsed.TotalMilliseconds / reps:F3} ms"));
    }

    private static void Mnist(string model, string spec)
    {
        var data = DatasetCatalog.Load("mnist");
        var network = CreateModel(model, data.SampleShape, data.ClassCount);
        var run = Trainer.Train(network, data, spec, OptimizerCatalog.Resolve(spec, Convention.PyTorch), new TrainingOptions { Epochs = 3, Seed = 1 });
        foreach (var e in run.Epochs)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model} {spec} epoch {e.Epoch}: test accuracy {e.TestAccuracy:P2}, loss {e.TestLoss:F4}, {e.TrainSeconds:F3} s training, {e.Seconds:F3} s total"));
    }
}
