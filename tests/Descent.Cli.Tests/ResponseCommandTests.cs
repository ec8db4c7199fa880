using System.Globalization;
using System.Text.Json;

namespace Descent.Cli.Tests;

public sealed class ResponseCommandTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "lecture_response.json"))).RootElement;

    [Fact]
    public void Response_LectureAdamOnRectanglesAsCsv_PrintsTheLectureNumbers()
    {
        const string spec = "adam(lr=0.25,beta1=0.9,beta2=0.999,eps=1e-7)";
        var run = DescentProcess.Run("response", "--signal", "rectangles", "--optimizer", spec, "--convention", "lecture", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("optimizer,step,gradient,update", lines[0]);
        var expected = Reference.GetProperty("rectangles").GetProperty("methods").GetProperty("GRAD_Adam").GetProperty("0.9");
        var signal = Reference.GetProperty("rectangles").GetProperty("signal");
        Assert.Equal(301, lines.Length);
        for (int i = 0; i < 300; i++)
        {
            // The spec holds commas, so RFC 4180 quotes it; the numbers follow it.
            Assert.StartsWith($"\"{spec}\",{i + 1},", lines[i + 1]);
            var fields = lines[i + 1][(spec.Length + 3)..].Split(',');
            Assert.Equal(signal[i].GetDouble(), double.Parse(fields[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].GetDouble(), double.Parse(fields[2], CultureInfo.InvariantCulture), 1e-9);
        }
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void Response_JsonFormat_PrintsResultWithConfigAndCurves()
    {
        var run = DescentProcess.Run("response", "--signal", "spikes", "--optimizer", "momentum(lr=0.25, momentum=0.9)", "--convention", "lecture", "--format", "json", "--steps", "5");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var updates = json.GetProperty("curves")[0].GetProperty("updates");
        // Lecture momentum on a spike at step 1: v = 0.25, then v = 0.9·v each step.
        double v = 0.25;
        for (int i = 0; i < 5; i++, v *= 0.9) Assert.Equal(v, updates[i].GetDouble(), 1e-15);
    }

    [Fact]
    public void Response_OutDirectory_WritesDataAndFigure()
    {
        using var dir = new TempDirectory();
        var run = DescentProcess.Run("response", "--signal", "saturation", "--optimizer", "adam(lr=0.1)", "--optimizer", "sgd(lr=0.1)", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        foreach (string file in new[] { "response.csv", "response.json", "response.png" })
            Assert.True(new FileInfo(Path.Combine(dir.Path, file)).Length > 0, file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(dir.Path, "response.png")).Take(4).ToArray());
    }

    [Fact]
    public void Response_SvgFigure_WritesSvg()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "r.svg");
        var run = DescentProcess.Run("response", "--signal", "spikes", "--optimizer", "adam(lr=0.1)", "--png", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<svg", File.ReadAllText(path));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("--signal", new[] { "response", "--signal", "sawtooth", "--optimizer", "adam" }, "spikes")]
    [InlineData("--optimizer", new[] { "response", "--signal", "spikes", "--optimizer", "adamm" }, "adamw")]
    [InlineData("--optimizer", new[] { "response", "--signal", "spikes", "--optimizer", "adam(gamma=1)" }, "beta1")]
    [InlineData("--optimizer", new[] { "response", "--signal", "spikes", "--optimizer", "adam(lr=0.1" }, ")")]
    [InlineData("--optimizer", new[] { "response", "--signal", "spikes", "--optimizer", "adam(beta1=1)" }, "[0, 1)")]
    [InlineData("--optimizer", new[] { "response", "--signal", "spikes", "--optimizer", "sgd(nesterov=true)" }, "momentum > 0")]
    [InlineData("--optimizer", new[] { "response", "--signal", "spikes" }, "adam")]
    [InlineData("--signal", new[] { "response", "--optimizer", "adam" }, "spikes")]
    [InlineData("--steps", new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--steps", "0" }, "300")]
    [InlineData("--steps", new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--steps", "301" }, "300")]
    [InlineData("--convention", new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--convention", "optax" }, "lasagne")]
    [InlineData("--interpolation", new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--interpolation", "cubic" }, "linear")]
    [InlineData("--format", new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--format", "xml" }, "json")]
    [InlineData("--png", new[] { "response", "--signal", "spikes", "--optimizer", "adam", "--png", "figure.bmp" }, ".svg")]
    [InlineData("--recipe", new[] { "response", "--recipe", "nope", "--out", "x" }, "lecture")]
    [InlineData("--signal", new[] { "response", "--signal", "/nonexistent/signal.csv", "--optimizer", "adam" }, "not found")]
    public void Response_BadInput_OneLineNamingTheArgumentAndExitCode2(string argument, string[] args, string mentioned)
    {
        var run = DescentProcess.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"descent: {argument}", line);
        Assert.Contains(mentioned, line);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Response_MalformedSignalFile_NamesTheLine()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "signal.csv");
        File.WriteAllText(file, "1\n2\nthree\n4\n");
        var run = DescentProcess.Run("response", "--signal", file, "--optimizer", "adam");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3", run.Err);
    }

    [Fact]
    public void Response_UnwritableOut_FailsWithoutWritingAnything()
    {
        using var dir = new TempDirectory();
        string blocker = Path.Combine(dir.Path, "file");
        File.WriteAllText(blocker, "");
        var run = DescentProcess.Run("response", "--signal", "spikes", "--optimizer", "adam", "--out", Path.Combine(blocker, "sub"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: --out", run.Err);
        Assert.Equal([blocker], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Response_NaNInSignal_PropagatesWithoutCrashing()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "signal.csv");
        File.WriteAllText(file, "1\nNaN\n1\n");
        var run = DescentProcess.Run("response", "--signal", file, "--optimizer", "adam(lr=0.1)", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",NaN", lines[2]);
        Assert.EndsWith(",NaN", lines[3]);
    }

    [Fact]
    public void ResponseRecipe_Lecture_WritesAll48FiguresWithData()
    {
        using var dir = new TempDirectory();
        var run = DescentProcess.Run("response", "--recipe", "lecture", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(48, files.Count(f => f!.EndsWith(".png")));
        Assert.Equal(48, files.Count(f => f!.EndsWith(".csv")));
        Assert.Equal(48, files.Count(f => f!.EndsWith(".json")));
        Assert.Contains("rectangles-adam.png", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp"));
    }
}
