using System.Globalization;

namespace Descent.Cli.Tests;

public sealed class SweepCommandTests
{
    private static readonly string[] DoneWhen =
    [
        "sweep", "--function", "hills-and-canyon", "--convention", "lasagne", "--optimizer", "adam(lr=[0.01..1:9log])",
        "--optimizer", "nesterov(lr=[0.001..0.1:9log],momentum=0.9)", "--steps", "125", "--target", "1.0", "--format", "csv",
    ];

    // A CSV line split at the commas outside quotes.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public void Sweep_DoneWhenCommand_EighteenRowsEqualTrajectoryWithEachRowsSpec()
    {
        var sweep = DescentProcess.Run(DoneWhen);

        Assert.Equal(0, sweep.ExitCode);
        var lines = sweep.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("optimizer,spec,start,seed,final_loss,best_loss,steps_to_target,diverged", lines[0], StringComparison.Ordinal);
        var rows = lines.Skip(1).Select(Fields).ToList();
        Assert.Equal(18, rows.Count);
        Assert.Contains("million steps/s", sweep.Err, StringComparison.Ordinal);

        // One trajectory run with the 18 concrete specs: each path's last row is the sweep row's final loss.
        var args = new List<string> { "trajectory", "--function", "hills-and-canyon", "--convention", "lasagne", "--steps", "125", "--format", "csv" };
        foreach (var row in rows) args.AddRange(["--optimizer", row[1]]);
        var trajectory = DescentProcess.Run([.. args]);
        Assert.Equal(0, trajectory.ExitCode);
        var paths = trajectory.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Fields)
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Select(f => double.Parse(f[4], CultureInfo.InvariantCulture)).ToList());
        foreach (var row in rows)
        {
            var losses = paths[row[1]];
            Assert.Equal(losses[^1].ToString("R", CultureInfo.InvariantCulture), row[4]);
            Assert.Equal(losses.Min().ToString("R", CultureInfo.InvariantCulture), row[5]);
            int first = losses.FindIndex(l => l <= 1.0);
            Assert.Equal(first < 0 ? "" : first.ToString(CultureInfo.InvariantCulture), row[6]);
            Assert.Equal("false", row[7]);
        }
    }

    [Fact]
    public void Sweep_ThreeShardsAsSeparateProcessesMerged_EqualTheUnshardedOutputByteForByte()
    {
        using var dir = new TempDirectory();
        string whole = Path.Combine(dir.Path, "whole"), merged = Path.Combine(dir.Path, "merged");
        var common = DoneWhen[..^2].Concat(["--starts", "3"]).ToArray();
        Assert.Equal(0, DescentProcess.Run([.. common, "--out", whole]).ExitCode);
        var shardDirs = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string shard = Path.Combine(dir.Path, $"shard{i}");
            shardDirs.Add(shard);
            var run = i == 1
                ? DescentProcess.RunWithEnvironment(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1" }, [.. common, "--shard", "auto/3", "--out", shard])
                : DescentProcess.Run([.. common, "--shard", $"{i}/3", "--out", shard]);
            Assert.Equal(0, run.ExitCode);
            if (i == 1) Assert.Contains("from JOB_COMPLETION_INDEX", run.Err, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(shard, $"sweep.shard-{i}-of-3.json")));
        }

        var merge = DescentProcess.Run(["sweep", "merge", .. shardDirs, "--out", merged]);

        Assert.Equal(0, merge.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "sweep.csv")), File.ReadAllBytes(Path.Combine(merged, "sweep.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "sweep.json")), File.ReadAllBytes(Path.Combine(merged, "sweep.json")));
        Assert.Equal(18 * 3 + 1, File.ReadAllLines(Path.Combine(merged, "sweep.csv")).Length);
    }

    [Fact]
    public void Sweep_RunAgainIntoTheSameFolder_TakesEveryRunFromTheCache()
    {
        using var dir = new TempDirectory();
        string[] args = ["sweep", "--function", "wobbly", "--optimizer", "adam(lr=[0.01..1:5log])", "--starts", "2", "--out", dir.Path];
        Assert.Equal(0, DescentProcess.Run(args).ExitCode);
        byte[] first = File.ReadAllBytes(Path.Combine(dir.Path, "sweep.csv"));

        var again = DescentProcess.Run(args);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 runs computed, 10 from the cache", again.Err, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(dir.Path, "sweep.csv")));
    }

    [Theory]
    [InlineData("adam(lr=[0..1:5log])", "above 0", 9)]
    [InlineData("adam(lr=[1e-4..1:0log])", "count", 17)]
    [InlineData("adam(lr=[1..1e-4:5log])", "upwards", 12)]
    public void Sweep_BadGrid_ExitTwoWithTheSpecAndACaret(string spec, string words, int column)
    {
        var run = DescentProcess.Run("sweep", "--function", "wobbly", "--optimizer", spec);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("descent: --optimizer: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(words, lines[0], StringComparison.Ordinal);
        Assert.Equal("  " + spec, lines[1]);
        Assert.Equal("  " + new string(' ', column) + "^", lines[2]);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("--shard", "3/3", "--shard: '3/3' is not a shard")]
    [InlineData("--shard", "auto/3", "--shard: auto/3 reads JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")]
    [InlineData("--target", "big", "--target: 'big' is not a loss")]
    public void Sweep_BadOption_ExitTwoNamingIt(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var run = DescentProcess.RunWithEnvironment(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "", ["SLURM_ARRAY_TASK_ID"] = "" },
            "sweep", "--function", "wobbly", "--optimizer", "adam(lr=[0.1,1])", option, value, "--out", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("descent: " + message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void SweepMerge_MissingShard_ExitTwoNamingIt()
    {
        using var dir = new TempDirectory();
        string a = Path.Combine(dir.Path, "a");
        Assert.Equal(0, DescentProcess.Run("sweep", "--function", "wobbly", "--optimizer", "adam(lr=[0.1,1])", "--shard", "0/2", "--out", a).ExitCode);

        var merge = DescentProcess.Run("sweep", "merge", a, "--out", Path.Combine(dir.Path, "m"));

        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("missing shard 1 of 2", merge.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "m")));
    }
}
