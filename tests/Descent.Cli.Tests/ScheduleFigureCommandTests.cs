using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Descent.Cli.Tests;

/// <summary>
/// A spec with a schedule through the commands: the CSV's <c>lr</c> column carries torch.optim.lr_scheduler's numbers
/// (Reference/schedule_reference.json), the picture grows the learning-rate panel, and a spec without one keeps both as they were.
/// </summary>
public sealed class ScheduleFigureCommandTests
{
    private const string Cosine = "adam(lr=0.25,schedule=cosine(t_max=125,eta_min=0.01))";

    // The reference loop of Adam at 0.25 under CosineAnnealingLR(T_max=125, eta_min=0.01): lrs[t-1] is step t's rate.
    private static double[] TorchCosine()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "schedule_reference.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "cosine");
        Assert.Equal("adam(lr=0.25)", c.GetProperty("optimizer").GetString());
        Assert.Equal("cosine(t_max=125, eta_min=0.01)", c.GetProperty("schedule").GetString());
        return [.. c.GetProperty("lrs").EnumerateArray().Select(x => x.GetDouble())];
    }

    // Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian).
    private static (int Width, int Height) PngSize(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Trajectory_CosineSchedule_CsvLrColumnIsTorchsAndThePngHasThePanel()
    {
        using var dir = new TempDirectory();
        string png = Path.Combine(dir.Path, "cosine.png");

        var run = DescentProcess.Run("trajectory", "--function", "hills-and-canyon", "--convention", "pytorch", "--optimizer", Cosine, "--format", "csv", "--png", png);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("optimizer,step,x,y,loss,lr", lines[0]);
        Assert.Equal(127, lines.Length);
        Assert.EndsWith(",", lines[1]);
        double[] expected = TorchCosine();
        for (int step = 1; step <= 125; step++)
        {
            double lr = double.Parse(lines[step + 1][(lines[step + 1].LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(lr - expected[step - 1]) <= 1e-12 * expected[step - 1], $"step {step}: torch {expected[step - 1]:R}, descent {lr:R}");
        }
        Assert.Equal((960, 880), PngSize(png));
    }

    [Fact]
    public void Trajectory_NoSchedule_KeepsTheCsvAndThePictureAsTheyWere()
    {
        using var dir = new TempDirectory();
        string png = Path.Combine(dir.Path, "plain.png");

        var run = DescentProcess.Run("trajectory", "--function", "hills-and-canyon", "--optimizer", "adam(lr=0.25)", "--steps", "3", "--format", "csv", "--png", png);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("optimizer,step,x,y,loss\n", run.Out);
        Assert.Equal((960, 640), PngSize(png));
    }

    [Fact]
    public void Response_StepSchedule_JsonCarriesTheRatesAndThePngHasThePanel()
    {
        using var dir = new TempDirectory();
        string png = Path.Combine(dir.Path, "response.png");

        var run = DescentProcess.Run("response", "--signal", "spikes", "--steps", "4", "--optimizer", "sgd(lr=0.1, schedule=step(step_size=2, gamma=0.5))", "--format", "json", "--png", png);

        Assert.Equal(0, run.ExitCode);
        var rates = JsonDocument.Parse(run.Out).RootElement.GetProperty("curves")[0].GetProperty("learning_rates").EnumerateArray().Select(e => e.GetDouble());
        Assert.Equal([0.1, 0.1, 0.05, 0.05], rates);
        Assert.Equal((1600, 1300), PngSize(png));
    }

    [Fact]
    public void TrainRecipe_SchedulesMnist_WritesTheLrColumnAndThePanel()
    {
        using var dir = new TempDirectory();
        string outDir = Path.Combine(dir.Path, "out");

        var run = DescentProcess.Run("train", "--recipe", "schedules-mnist", "--epochs", "1", "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        string csv = File.ReadAllText(Path.Combine(outDir, "schedules-mnist.csv"));
        Assert.StartsWith("optimizer,epoch,iteration,train_loss,test_loss,test_accuracy,seconds,lr\n", csv);
        // The scheduled run's first step: linear warm-up from 0.1 of lr=0.01.
        Assert.Contains(",1,1,", csv);
        Assert.Contains(",0.001\n", csv);
        Assert.Equal((1600, 1800), PngSize(Path.Combine(outDir, "schedules-mnist.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "schedules-mnist.json")));
    }
}
