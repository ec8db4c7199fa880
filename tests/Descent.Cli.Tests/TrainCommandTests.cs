using System.Globalization;
using System.Text.Json;

namespace Descent.Cli.Tests;

public sealed class TrainCommandTests
{
    private const string Header = "optimizer,epoch,iteration,train_loss,test_loss,test_accuracy,seconds";

    // The evaluation rows (empty train_loss) of one optimizer: (epoch, test accuracy).
    private static List<(int Epoch, double Accuracy)> Evaluations(string csv, string optimizer) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.StartsWith('"') ? (Spec: line[1..line.IndexOf('"', 1)], Fields: line[(line.IndexOf('"', 1) + 2)..]) : (Spec: line[..line.IndexOf(',')], Fields: line[(line.IndexOf(',') + 1)..]))
            .Where(r => r.Spec == optimizer)
            .Select(r => r.Fields.Split(','))
            .Where(f => f[2] == "")
            .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))];

    [Fact]
    public void Train_MlpAdamOnMnistThreeEpochs_ReachesAtLeast95Percent()
    {
        var run = DescentProcess.Run("train", "--dataset", "mnist", "--model", "mlp", "--optimizer", "adam(lr=0.001)", "--epochs", "3", "--seed", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(Header + "\n", run.Out);
        var evaluations = Evaluations(run.Out, "adam(lr=0.001)");
        Assert.Equal([0, 1, 2, 3], evaluations.Select(e => e.Epoch));
        Assert.True(evaluations[^1].Accuracy >= 0.95, $"test accuracy {evaluations[^1].Accuracy:P2}");
    }

    [Fact]
    public void Train_LogisticRegressionSgdOnMnist_ReachesAtLeast88Percent()
    {
        var run = DescentProcess.Run("train", "--dataset", "mnist", "--model", "logreg", "--optimizer", "sgd(lr=0.1)", "--epochs", "3", "--seed", "1", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var history = JsonDocument.Parse(run.Out).RootElement.GetProperty("histories")[0];
        Assert.Equal("sgd(lr=0.1)", history.GetProperty("optimizer").GetString());
        double accuracy = history.GetProperty("epochs").EnumerateArray().Last().GetProperty("test_accuracy").GetDouble();
        Assert.True(accuracy >= 0.88, $"test accuracy {accuracy:P2}");
    }

    [Fact]
    public void Train_CsvFormat_PrintsOnlyDataOnStandardOutput()
    {
        const string spec = "sgd(lr=0.1, momentum=0.9)";
        var run = DescentProcess.Run("train", "--dataset", "digits", "--model", "logreg", "--optimizer", spec, "--optimizer", "adam", "--epochs", "2", "--batch-size", "512", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Equal(Header, lines[0]);
        Assert.Equal("", lines[^1]);
        // Per optimizer: epoch 0's evaluation, then 3 steps (1,442 digits / 512) and an evaluation per epoch.
        Assert.Equal(1 + 2 * (1 + 2 * 4), lines.Length - 1);
        foreach (string line in lines[1..^1])
        {
            Assert.True(line.StartsWith($"\"{spec}\",") || line.StartsWith("adam,"), line);
            Assert.Equal(6, line.Count(c => c == ',') - (line.StartsWith('"') ? 1 : 0));
        }
        Assert.Equal(3, Evaluations(run.Out, spec).Count);
        Assert.Contains("test accuracy", run.Err);
    }

    [Fact]
    public void Train_OutDirectoryAndSvg_WritesDataAndFigures()
    {
        using var dir = new TempDirectory();
        string svg = Path.Combine(dir.Path, "history.svg");
        // lr=1e20 overflows the float32 weights at the first step: the second step's loss is NaN.
        var run = DescentProcess.Run("train", "--dataset", "digits", "--model", "mlp", "--hidden", "16", "--optimizer", "adam(lr=0.01)", "--optimizer", "sgd(lr=1e20)",
            "--epochs", "2", "--out", Path.Combine(dir.Path, "out"), "--png", svg);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        foreach (string file in new[] { "training.csv", "training.json", "training.png" })
            Assert.True(new FileInfo(Path.Combine(dir.Path, "out", file)).Length > 0, file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(dir.Path, "out", "training.png")).Take(4).ToArray());
        Assert.Contains("<svg", File.ReadAllText(svg));
        Assert.Contains("sgd(lr=1e20): diverged at iteration", run.Err);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "training.json"))).RootElement;
        Assert.Equal(JsonValueKind.Number, json.GetProperty("histories")[1].GetProperty("diverged_at_iteration").ValueKind);
    }

    [Fact]
    public void TrainRecipe_LectureHistoryShortened_DrawsTheLearningHistories()
    {
        using var dir = new TempDirectory();
        // The recipe's own figures, one epoch each (the full recipe is timed in the report, not here).
        var run = DescentProcess.Run("train", "--recipe", "lecture-history", "--out", dir.Path, "--epochs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var files = Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(["lecture-history.csv", "lecture-history.json", "lecture-history.png"], files.Order());
        Assert.True(new FileInfo(Path.Combine(dir.Path, "lecture-history.png")).Length > 10_000);
        var histories = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "lecture-history.json"))).RootElement.GetProperty("histories");
        Assert.Equal(6, histories.GetArrayLength());
        Assert.All(histories.EnumerateArray(), h => Assert.Equal(2, h.GetProperty("epochs").GetArrayLength()));
    }

    [Fact]
    public void ListDatasets_PrintsBundledDatasetsWithShapeAndLicence()
    {
        var run = DescentProcess.Run("list", "datasets");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("digits", run.Out);
        Assert.Contains("mnist", run.Out);
        Assert.Contains("1,797", run.Out);
        Assert.Contains("10,000", run.Out);
        Assert.Contains("1×28×28", run.Out);
        Assert.Contains("CC BY-SA 3.0", run.Out);
        Assert.Contains("CC BY 4.0", run.Out);
    }

    [Theory]
    [InlineData("--dataset", new[] { "train", "--dataset", "cifar", "--model", "mlp", "--optimizer", "adam" }, "digits, mnist")]
    [InlineData("--dataset", new[] { "train", "--model", "mlp", "--optimizer", "adam" }, "mnist")]
    [InlineData("--model", new[] { "train", "--dataset", "digits", "--model", "resnet", "--optimizer", "adam" }, "logreg, mlp, cnn")]
    [InlineData("--model", new[] { "train", "--dataset", "digits", "--optimizer", "adam" }, "logreg")]
    [InlineData("--hidden", new[] { "train", "--dataset", "digits", "--model", "mlp", "--hidden", "100,x", "--optimizer", "adam" }, "'x'")]
    [InlineData("--hidden", new[] { "train", "--dataset", "digits", "--model", "mlp", "--hidden", "0", "--optimizer", "adam" }, "'0'")]
    [InlineData("--hidden", new[] { "train", "--dataset", "digits", "--model", "logreg", "--hidden", "10", "--optimizer", "adam" }, "mlp")]
    [InlineData("--epochs", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--epochs", "0" }, "at least 1")]
    [InlineData("--batch-size", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--batch-size", "0" }, "at least 1")]
    [InlineData("--seed", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--seed", "1.5" }, "whole number")]
    [InlineData("--optimizer", new[] { "train", "--dataset", "digits", "--model", "mlp" }, "adam")]
    [InlineData("--optimizer", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adamm" }, "adamw")]
    [InlineData("--convention", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--convention", "optax" }, "lasagne")]
    [InlineData("--format", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--format", "xml" }, "json")]
    [InlineData("--png", new[] { "train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam", "--png", "figure.bmp" }, ".svg")]
    [InlineData("--recipe", new[] { "train", "--recipe", "nope", "--out", "x" }, "lecture-history")]
    [InlineData("--recipe", new[] { "train", "--recipe", "lecture", "--out", "x" }, "response recipe")]
    [InlineData("--out", new[] { "train", "--recipe", "adam-paper" }, "--out DIR")]
    [InlineData("--optimizer", new[] { "train", "--recipe", "adam-paper", "--optimizer", "adam", "--out", "x" }, "--recipe")]
    [InlineData("--epochs", new[] { "train", "--recipe", "adam-paper", "--epochs", "0", "--out", "x" }, "at least 1")]
    [InlineData("--png", new[] { "train", "--recipe", "adam-paper", "--png", "f.png", "--out", "x" }, "--out DIR")]
    public void Train_BadInput_OneLineNamingTheArgumentAndExitCode2(string argument, string[] args, string mentioned)
    {
        using var dir = new TempDirectory();
        var run = DescentProcess.RunIn(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"descent: {argument}", line);
        Assert.Contains(mentioned, line);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Train_BadInputWithOut_LeavesNoFiles()
    {
        using var dir = new TempDirectory();
        string output = Path.Combine(dir.Path, "out");
        var run = DescentProcess.Run("train", "--dataset", "digits", "--model", "mlp", "--optimizer", "adam(beta1=2)", "--out", output, "--png", Path.Combine(dir.Path, "f.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: --optimizer", run.Err);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Train_DatasetDirectoryWithoutIdxFiles_NamesTheMissingFiles()
    {
        using var dir = new TempDirectory();
        var run = DescentProcess.Run("train", "--dataset", dir.Path, "--model", "logreg", "--optimizer", "sgd");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("descent: --dataset", line);
        Assert.Contains("train-images-idx3-ubyte", line);
    }
}
