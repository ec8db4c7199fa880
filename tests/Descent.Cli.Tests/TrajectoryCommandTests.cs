using System.Globalization;
using SixLabors.ImageSharp;

namespace Descent.Cli.Tests;

public sealed class TrajectoryCommandTests
{
    [Fact]
    public void Trajectory_CsvOnStdout_StartsAtStepZeroWithHandWorkedFirstStep()
    {
        var run = DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", "sgd(lr=0.1)", "--steps", "2", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("optimizer,step,x,y,loss", lines[0]);
        Assert.Equal(4, lines.Length);
        var start = lines[1].Split(',');
        Assert.Equal(["sgd(lr=0.1)", "0", "-2.8", "-2.5"], start[..4]);
        // f = x² + y², ∇f = (2x, 2y): one step of lr 0.1 scales the point by 1 − 0.2 = 0.8.
        var first = lines[2].Split(',');
        Assert.Equal(-2.8 - 0.1 * (2 * -2.8), double.Parse(first[2], CultureInfo.InvariantCulture), 1e-15);
        Assert.Equal(-2.5 - 0.1 * (2 * -2.5), double.Parse(first[3], CultureInfo.InvariantCulture), 1e-15);
    }

    [Fact]
    public void Trajectory_TypedFormulaOfALandscape_PrintsTheSameNumbersAsTheBuiltIn()
    {
        var builtin = DescentProcess.Run("trajectory", "--function", "basins-and-walls", "--optimizer", "adam(lr=0.25)", "--convention", "lasagne", "--format", "csv");
        var typed = DescentProcess.Run("trajectory", "--function", "(x^2 + y^2)/2 + sin(4*x)^2", "--optimizer", "adam(lr=0.25)", "--convention", "lasagne", "--format", "csv");

        Assert.Equal(0, builtin.ExitCode);
        Assert.Equal(builtin.Out, typed.Out);
    }

    [Fact]
    public void Trajectory_PictureAndGif_WrittenAtTheirSizes()
    {
        using var dir = new TempDirectory();
        string png = Path.Combine(dir.Path, "h.png"), gif = Path.Combine(dir.Path, "h.gif");
        var run = DescentProcess.Run("trajectory", "--function", "hills-and-canyon", "--optimizer", "adam(lr=0.25)", "--optimizer", "rmsprop(lr=0.25)",
            "--convention", "lasagne", "--steps", "20", "--png", png, "--gif", gif);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        using (var image = Image.Load(png)) Assert.Equal(960, image.Width);
        using (var animation = Image.Load(gif)) Assert.Equal(21, animation.Frames.Count);
    }

    [Fact]
    public void Trajectory_Diverging_ReportedNotCrashed()
    {
        var run = DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", "sgd(lr=5)", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("diverged at step", run.Err);
    }

    [Fact]
    public void Trajectory_BadFormula_PointsACaretAtTheOffendingCharacter()
    {
        var run = DescentProcess.Run("trajectory", "--function", "x^2 + * y", "--optimizer", "adam");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("descent: --function:", lines[0]);
        int formula = lines[1].IndexOf("x^2 + * y", StringComparison.Ordinal);
        Assert.Equal(formula + 6, lines[2].IndexOf('^'));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Trajectory_UnknownIdentifierInFormula_ListsTheValidNames()
    {
        var run = DescentProcess.Run("trajectory", "--function", "x^2 + zz", "--optimizer", "adam");

        Assert.Equal(2, run.ExitCode);
        var first = run.Err.Split('\n')[0];
        Assert.StartsWith("descent: --function:", first);
        Assert.Contains("zz", first);
        Assert.Contains("sqrt", first);
    }

    [Theory]
    [InlineData("--function", new[] { "trajectory", "--function", "rosenbrok", "--optimizer", "adam" }, "rosenbrock")]
    [InlineData("--function", new[] { "trajectory", "--optimizer", "adam" }, "formula")]
    [InlineData("--optimizer", new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam(beta2=2)" }, "beta2")]
    [InlineData("--optimizer", new[] { "trajectory", "--function", "quadratic" }, "adam")]
    [InlineData("--optimizer", new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--optimizer", "rprop", "--convention", "keras" },
        "rprop has no keras formula; keras has: sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, lion, lamb (lookahead wraps any of them).")]
    [InlineData("--start", new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--start", "1;2" }, "x,y")]
    [InlineData("--steps", new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--steps", "0" }, "steps")]
    [InlineData("--gif", new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--gif", "a.png" }, ".gif")]
    [InlineData("--frame-every", new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--gif", "a.gif", "--frame-every", "0" }, "at least 1")]
    [InlineData("--frame-every", new[] { "trajectory", "--function", "hills-and-canyon", "--optimizer", "adam(lr=0.25)", "--steps", "2000", "--gif", "a.gif", "--frame-every", "1" },
        "2000 steps at every 1st step give 2001 frames, above the limit 2000; raise --frame-every to 2")]
    [InlineData("--recipe", new[] { "trajectory", "--recipe", "lecture", "--out", "x" }, "lecture-animations")]
    public void Trajectory_BadInput_OneLineNamingTheArgumentAndExitCode2(string argument, string[] args, string mentioned)
    {
        var run = DescentProcess.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"descent: {argument}", line);
        Assert.Contains(mentioned, line);
    }

    [Fact]
    public void ListFunctions_PrintsEveryFunctionWithItsFormula()
    {
        var run = DescentProcess.Run("list", "functions");

        Assert.Equal(0, run.ExitCode);
        foreach (string name in new[] { "quadratic", "wobbly", "basins-and-walls", "ripple", "giant-plateau", "hills-and-canyon", "two-minimums", "bad-init",
                     "rosenbrock", "beale", "himmelblau", "rastrigin", "ackley", "booth", "saddle", "monkey-saddle", "styblinski-tang", "goldstein-price" })
            Assert.Contains(name, run.Out);
        Assert.Contains("sin(4*x)^2", run.Out);
    }
}
