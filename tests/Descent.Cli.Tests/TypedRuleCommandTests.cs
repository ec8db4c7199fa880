using System.Globalization;

namespace Descent.Cli.Tests;

/// <summary>A rule typed on the command line runs like a built-in: same paths, named rules from a file, caret errors.</summary>
public sealed class TypedRuleCommandTests
{
    private const string TypedAdam =
        "rule(m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; p = p - lr/(1-b1^t) * (m/(sqrt(v)/sqrt(1-b2^t) + eps)) | lr=0.25, b1=0.9, b2=0.999, eps=1e-8)";

    private static List<double[]> Rows(string csv, string optimizer) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(l => l.StartsWith(optimizer, StringComparison.Ordinal) && l[optimizer.Length] == ',')
            .Select(l => l[(optimizer.Length + 1)..].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    [Fact]
    public void Trajectory_TypedAdamBesideTheBuiltIn_TwoEqualPaths()
    {
        var run = DescentProcess.Run("trajectory", "--function", "hills-and-canyon", "--convention", "pytorch",
            "--optimizer", "adam(lr=0.25)", "--optimizer", TypedAdam, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var builtIn = Rows(run.Out, "adam(lr=0.25)");
        // The CSV quotes a spec with commas; the typed rule's rows start with its quoted text.
        var typed = Rows(run.Out, $"\"{TypedAdam}\"");
        Assert.Equal(126, builtIn.Count);
        Assert.Equal(builtIn.Count, typed.Count);
        // Same formula in another order of rounding (PyTorch fuses the moments): equal to 1e-12, relative.
        for (int s = 0; s < builtIn.Count; s++)
            for (int c = 0; c < builtIn[s].Length; c++)
                Assert.True(Math.Abs(builtIn[s][c] - typed[s][c]) <= 1e-12 * Math.Max(1, Math.Abs(builtIn[s][c])), $"step {s} column {c}: {builtIn[s][c]:R} vs {typed[s][c]:R}");
    }

    [Fact]
    public void Trajectory_RulesFile_NamesARuleLikeABuiltIn()
    {
        using var dir = new TempDirectory();
        string rules = Path.Combine(dir.Path, "rules.txt");
        File.WriteAllText(rules, "# the lecture's momentum, typed\nheavy: rule(v = mu*v + lr*g; p = p - v | lr=0.01, mu=0.9)\n");

        var typed = DescentProcess.Run("trajectory", "--function", "rosenbrock", "--rules", rules, "--optimizer", "heavy(lr=0.001)", "--convention", "lecture", "--format", "csv");
        var builtIn = DescentProcess.Run("trajectory", "--function", "rosenbrock", "--optimizer", "momentum(lr=0.001, momentum=0.9)", "--convention", "lecture", "--format", "csv");

        Assert.Equal(0, typed.ExitCode);
        Assert.Equal(126, Rows(typed.Out, "heavy(lr=0.001)").Count);
        Assert.Equal(Rows(builtIn.Out, "\"momentum(lr=0.001, momentum=0.9)\"").Select(r => r[1..3]), Rows(typed.Out, "heavy(lr=0.001)").Select(r => r[1..3]));
        var list = DescentProcess.Run("list", "optimizers", "--rules", rules);
        Assert.Contains("heavy", list.Out);
        Assert.Contains("mu=0.9", list.Out);
    }

    [Fact]
    public void Trajectory_RuleWithAnUnknownName_PointsACaretAtIt()
    {
        var run = DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", "rule(m = 0.9*m + g; p = p - lr*mm | lr=0.1)");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("descent: --optimizer: Unknown name 'mm'. Did you mean 'm'?", lines[0]);
        int statements = lines[1].IndexOf("m = 0.9*m", StringComparison.Ordinal);
        Assert.Equal(statements + 26, lines[2].IndexOf('^'));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Trajectory_BadRulesFile_NamesTheLine()
    {
        using var dir = new TempDirectory();
        string rules = Path.Combine(dir.Path, "rules.txt");
        File.WriteAllText(rules, "ok: rule(p = p - lr*g | lr=0.1)\n\nbroken: rule(p = p - lr*q)\n");

        var run = DescentProcess.Run("trajectory", "--function", "quadratic", "--rules", rules, "--optimizer", "ok");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: --rules: line 3: broken: Unknown name 'q'", run.Err);
    }
}
