using System.Diagnostics;
using Descent.Lab.Bench;
using Descent.Lab.Training;
using Descent.Training;
using Descent.Training.Networks;

namespace Descent.Lab.Tests.Training;

/// <summary>
/// Every count a training run takes is bounded before any work: epochs, batch size, epochs × batches × look-ahead
/// points, hidden layers, and the model's size in 64-bit arithmetic against one buffer and against memory.
/// </summary>
public sealed class TrainingLimitTests
{
    private static TrainingConfig Digits(params string[] optimizers) => new()
    {
        Dataset = "digits",
        Model = "mlp",
        Hidden = [32],
        Optimizers = optimizers.Length == 0 ? ["adam"] : optimizers,
        Epochs = 1,
        BatchSize = 64,
    };

    private static LabInputException Refused(TrainingConfig config)
    {
        TrainingExperiment.LoadDataset(config.Dataset);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<LabInputException>(() => TrainingExperiment.Validate(config));
        // Refused before anything is allocated; what this guards against took minutes and gigabytes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"refused after {clock.Elapsed}");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 50_000_000, $"{allocated:N0} bytes allocated before refusing");
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void TrainingExperiment_EpochsIntMax_RefusedNamingTheLimit()
    {
        var e = Refused(Digits() with { Epochs = int.MaxValue });
        Assert.Equal("epochs", e.Argument);
        Assert.Equal("2147483647 is above the limit 10000.", e.Message);
    }

    [Fact]
    public void TrainingExperiment_EpochsTimesBatches_RefusedAboveAMillionSteps()
    {
        // 1,442 training digits in batches of 1: 1,442 steps per epoch, × 10,000 epochs.
        var e = Refused(Digits() with { Epochs = 10_000, BatchSize = 1 });
        Assert.Equal("epochs", e.Argument);
        Assert.Equal("10,000 epochs × 1,442 batches of 1 of the 1,442 training samples = 14,420,000 steps, above the limit of 1,000,000 per optimizer; give fewer --epochs or a larger --batch-size.", e.Message);
    }

    [Fact]
    public void TrainingExperiment_LookAheadPoints_CountInTheSteps()
    {
        // 100 epochs × 1,442 batches = 144,200 steps, within the limit alone; × 10 look-ahead gradients, not.
        Assert.Equal(144_200, new TrainingOptions { Epochs = 100, BatchSize = 1 }.GradientEvaluations(1_442));
        var e = Refused(Digits("adam", "smoothed-nesterov(points=10)") with { Epochs = 100, BatchSize = 1 });
        Assert.Contains("× 10 look-ahead points = 1,442,000 steps", e.Message);
    }

    [Fact]
    public void TrainingExperiment_BatchSizeAboveTheLimit_Refused()
    {
        var e = Refused(Digits() with { BatchSize = int.MaxValue });
        Assert.Equal("batch-size", e.Argument);
        Assert.Equal("2147483647 is above the limit 1000000.", e.Message);
    }

    [Fact]
    public void TrainingExperiment_TooManyHiddenLayers_Refused()
    {
        var e = Refused(Digits() with { Hidden = [.. Enumerable.Repeat(1, 101)] });
        Assert.Equal("hidden", e.Argument);
        Assert.Equal("101 hidden layers is above the limit 100.", e.Message);
    }

    [Theory]
    // 64 inputs: 64·h + h + 2·(h·h + h) + 10·h + 10 parameters.
    [InlineData(new[] { 65536, 65536, 65536 }, "mlp with 8,594,980,874 parameters")]
    // 64·10⁵ + 10⁵ + 10¹⁰ + 10⁵ + 10⁶ + 10.
    [InlineData(new[] { 100000, 100000 }, "mlp with 10,007,600,010 parameters")]
    public void TrainingExperiment_ParametersBeyondOneBuffer_RefusedBeforeAllocating(int[] hidden, string described)
    {
        var e = Refused(Digits() with { Hidden = hidden });
        Assert.Equal("hidden", e.Argument);
        Assert.Equal($"{described}: above the limit of 2,147,483,591 values in one buffer; give smaller --hidden sizes.", e.Message);
    }

    [Fact]
    public void TrainingExperiment_ModelBeyondMemory_RefusedBeforeAllocating()
    {
        // 2,119,496,010 parameters fit one buffer; with gradients and AMSGrad's three state buffers, 4·5·P = 42.39 GB,
        // and a batch of 355 (the test split) × 276,074 values per sample (outputs 64 + 4·46,000 + 10, two gradients of 46,000), 0.39 GB.
        var config = Digits("adam(amsgrad=true)") with { Hidden = [46000, 46000] };
        var size = ModelSize.Of(new ModelSpec("mlp") { Hidden = [46000, 46000] }, new Shape(1, 8, 8), 10);
        Assert.Equal(2_119_496_010, size.Parameters);
        long need = size.TrainingBytes(355, 3);
        Assert.Equal(4 * (5 * 2_119_496_010L + 355 * 276_074L), need);
        // A machine that could hold it would train it: there is nothing to refuse there.
        if (need <= MemoryBudget.LimitBytes) return;

        var e = Refused(config);
        Assert.Equal("hidden", e.Argument);
        Assert.StartsWith("Training mlp with 2,119,496,010 parameters in batches of 355 needs about 42.8 GB; the limit is ", e.Message);
        Assert.EndsWith(": give smaller --hidden sizes or a smaller --batch-size.", e.Message);
    }

    [Fact]
    public void ModelSize_DefaultMlpOnMnist_IsTheBuiltNetworksSize()
    {
        // 784·256 + 256 + 256·256 + 256 + 256·10 + 10; per sample: the outputs 784 + 4·256 + 10, and two gradient buffers of 784.
        var spec = new ModelSpec("mlp");
        var size = ModelSize.Of(spec, new Shape(1, 28, 28), 10);
        Assert.Equal(269_322, size.Parameters);
        Assert.Equal(784, size.WidestPerSample);
        Assert.Equal(1_818 + 2 * 784, size.ValuesPerSample);
        Assert.Equal(size.Parameters, spec.Create(new Shape(1, 28, 28), 10).ParameterCount);
        Assert.Equal(ModelSize.Of(new ModelSpec("cnn"), new Shape(1, 28, 28), 10).Parameters, new ModelSpec("cnn").Create(new Shape(1, 28, 28), 10).ParameterCount);
    }

    [Theory]
    [InlineData(0, 5, "train-images-idx3-ubyte holds no images; the training split needs at least one.")]
    [InlineData(5, 0, "t10k-images-idx3-ubyte holds no images; the test split needs at least one.")]
    public void TrainingExperiment_IdxFolderWithAnEmptySplit_Refused(int train, int test, string problem)
    {
        using var dir = new TempDirectory();
        WriteIdx(Path.Combine(dir.Path, "train-images-idx3-ubyte"), [train, 2, 2], new byte[train * 4]);
        WriteIdx(Path.Combine(dir.Path, "train-labels-idx1-ubyte"), [train], new byte[train]);
        WriteIdx(Path.Combine(dir.Path, "t10k-images-idx3-ubyte"), [test, 2, 2], new byte[test * 4]);
        WriteIdx(Path.Combine(dir.Path, "t10k-labels-idx1-ubyte"), [test], new byte[test]);

        var e = Assert.Throws<LabInputException>(() => TrainingExperiment.Validate(new TrainingConfig { Dataset = dir.Path, Model = "logreg", Optimizers = ["sgd"] }));

        Assert.Equal("dataset", e.Argument);
        Assert.EndsWith(problem, e.Message);
    }

    [Fact]
    public void MemoryBudget_MoreThanTheMachineHas_RefusedNamingTheLimit()
    {
        var e = Assert.Throws<LabInputException>(() => MemoryBudget.Check("params", long.MaxValue, "Everything", "ask for less"));
        Assert.Equal("params", e.Argument);
        Assert.StartsWith("Everything needs about 9,223,372 TB; the limit is ", e.Message);
        Assert.Contains("(80% of the ", e.Message);
        MemoryBudget.Check("params", 1_000_000, "A megabyte", "nothing");
    }

    [Fact]
    public void BenchExperiment_IntMaxDoubleParameters_RefusedUnlessTheyFit()
    {
        // (p, g, the copy's destination, and AMSGrad's three state buffers) × 2,147,483,647 × 8 bytes.
        var config = new BenchConfig(["adam(amsgrad=true)"], int.MaxValue, "double", 1);
        if (103_079_215_056 <= MemoryBudget.LimitBytes)
        {
            BenchExperiment.Validate(config);
            return;
        }
        var e = Assert.Throws<LabInputException>(() => BenchExperiment.Validate(config));
        Assert.Equal("params", e.Argument);
        Assert.StartsWith("2,147,483,647 double parameters with a gradient, a copy and 3 state buffers needs about 103.1 GB; the limit is ", e.Message);
    }

    [Theory]
    [InlineData(0L, "params")]
    [InlineData(1L + int.MaxValue, "params")]
    public void BenchExperiment_ParamsOutOfRange_Refused(long parameters, string argument)
    {
        var e = Assert.Throws<LabInputException>(() => BenchExperiment.Validate(new BenchConfig(["sgd"], parameters, "float", 1)));
        Assert.Equal(argument, e.Argument);
    }

    private static void WriteIdx(string path, int[] dims, byte[] data)
    {
        using var stream = File.Create(path);
        stream.Write([0, 0, 0x08, (byte)dims.Length]);
        foreach (int d in dims) stream.Write([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        stream.Write(data);
    }
}
