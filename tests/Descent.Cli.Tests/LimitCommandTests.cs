using System.Diagnostics;

namespace Descent.Cli.Tests;

/// <summary>
/// The reproductions of issue 9's "hangs and unbounded work", each through the command as a user runs it: every one
/// ends in seconds with one line on standard error that names the argument and the limit, and exit code 2.
/// </summary>
public sealed class LimitCommandTests
{
    // Seconds, not minutes: a run that hangs or allocates gigabytes fails here instead of holding up the suite.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static DescentProcess.Outcome RunWithin(params string[] args) => DescentProcess.RunWithin(Limit, args);

    private static void AssertRefused(DescentProcess.Outcome run, string line)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(line + "\n", run.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Trajectory_SmoothedNesterovIntMaxPoints_RefusedNamingTheLimit() =>
        AssertRefused(RunWithin("trajectory", "--function", "quadratic", "--optimizer", "smoothed-nesterov(points=2147483647)", "--steps", "1"),
            "descent: --optimizer: smoothed-nesterov(points=2147483647): points: 2147483647 is above the limit 1000 (each point costs one gradient per step).");

    [Fact]
    public void Response_SignalFromDevZero_RefusedAtTheLineLengthLimit()
    {
        if (!File.Exists("/dev/zero")) return;
        AssertRefused(RunWithin("response", "--signal", "/dev/zero", "--optimizer", "adam"),
            "descent: --signal: Signal file '/dev/zero', line 1: longer than the limit of 1000 characters; a signal file has one number per line.");
    }

    [Fact]
    public void Response_SignalFileOfTenMillionLines_RefusedAtTheLimitOfNumbers()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "long.csv");
        using (var writer = new StreamWriter(path))
            for (int i = 0; i < 10_000_000; i++) writer.Write("1\n");

        AssertRefused(RunWithin("response", "--signal", path, "--optimizer", "adam"),
            $"descent: --signal: Signal file '{path}', line 100001: more than the limit of 100000 numbers.");
    }

    [Theory]
    [InlineData("65536,65536,65536", "mlp with 8,594,980,874 parameters")]
    [InlineData("100000,100000", "mlp with 10,007,600,010 parameters")]
    public void Train_HiddenSizesBeyondOneBuffer_RefusedBeforeAllocating(string hidden, string described) =>
        AssertRefused(RunWithin("train", "--dataset", "digits", "--model", "mlp", "--hidden", hidden, "--optimizer", "adam", "--epochs", "1"),
            $"descent: --hidden: {described}: above the limit of 2,147,483,591 values in one buffer; give smaller --hidden sizes.");

    [Theory]
    [InlineData("2147483647")]
    [InlineData("1000000", "--batch-size", "1")]
    public void Train_EpochsAboveTheLimit_Refused(string epochs, params string[] more) =>
        AssertRefused(RunWithin(["train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--epochs", epochs, .. more]),
            $"descent: --epochs: {epochs} is above the limit 10000.");

    [Fact]
    public void Train_EpochsTimesBatches_RefusedAboveTheLimitOfSteps() =>
        AssertRefused(RunWithin("train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--epochs", "10000", "--batch-size", "1"),
            "descent: --epochs: 10,000 epochs × 1,442 batches of 1 of the 1,442 training samples = 14,420,000 steps, above the limit of 1,000,000 per optimizer; give fewer --epochs or a larger --batch-size.");

    [Fact]
    public void Train_IdxFolderWithNoTrainingImages_Refused()
    {
        using var dir = new TempDirectory();
        WriteIdx(Path.Combine(dir.Path, "train-images-idx3-ubyte"), [0, 28, 28], []);
        WriteIdx(Path.Combine(dir.Path, "train-labels-idx1-ubyte"), [0], []);
        WriteIdx(Path.Combine(dir.Path, "t10k-images-idx3-ubyte"), [2, 28, 28], new byte[2 * 28 * 28]);
        WriteIdx(Path.Combine(dir.Path, "t10k-labels-idx1-ubyte"), [2], [0, 1]);

        AssertRefused(RunWithin("train", "--dataset", dir.Path, "--model", "mlp", "--optimizer", "adam"),
            $"descent: --dataset: {Path.Combine(dir.Path, "train-images-idx3-ubyte")} holds no images; the training split needs at least one.");
    }

    [Fact]
    public void Bench_IntMaxParams_RefusedWhenTheyCannotFit()
    {
        // p, g, the copy's destination and Adam's two state buffers: 5 × 2,147,483,647 × 4 bytes = 42.9 GB.
        const long need = 5L * int.MaxValue * sizeof(float);
        if (need <= (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.8) - 1_000_000_000) return;

        var run = RunWithin("bench", "--params", "2147483647", "--optimizer", "adam");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: --params: 2,147,483,647 float parameters with a gradient, a copy and 2 state buffers needs about 42.9 GB; the limit is ", run.Err);
        Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
    }

    private static void WriteIdx(string path, int[] dims, byte[] data)
    {
        using var stream = File.Create(path);
        stream.Write([0, 0, 0x08, (byte)dims.Length]);
        foreach (int d in dims) stream.Write([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        stream.Write(data);
    }
}
