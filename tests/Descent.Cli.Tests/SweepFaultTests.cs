using System.Text.RegularExpressions;

namespace Descent.Cli.Tests;

public sealed class SweepFaultTests
{
    [TmpfsFact]
    public void Sweep_DiskFillsUpWritingTheCache_ExitCode1NamingThePathAndNoTemporaryOrResultLeft()
    {
        using var disk = new Tmpfs(64);
        string dir = Path.Combine(disk.Path, "out");
        // 2,000 runs: eight cache batches of about 60 KiB each; the second cannot fit.
        var run = DescentProcess.Run("sweep", "--function", "wobbly", "--optimizer", "adam(lr=[1e-4..1:1000log])", "--starts", "2", "--steps", "5",
            "--threads", "1", "--out", dir);

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($"^descent: cannot write '{Regex.Escape(dir)}/cache/[0-9a-f]+\\.json': No space left on device$", line);
        Assert.Empty(Directory.GetFiles(disk.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(dir, "sweep.csv")));
    }

    [LinuxFact]
    public void Sweep_Interrupted_ExitCode130KeepsOnlyFinishedCacheBatches()
    {
        using var dir = new TempDirectory();
        string outDir = Path.Combine(dir.Path, "sweep");
        string cache = Path.Combine(outDir, "cache");
        using var process = DescentProcess.Start("sweep", "--function", "hills-and-canyon", "--optimizer", "adam(lr=[1e-4..1:1000log])",
            "--starts", "50", "--steps", "2000", "--threads", "1", "--out", outDir);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!(Directory.Exists(cache) && Directory.GetFiles(cache, "*.json").Length >= 1))
            {
                if (process.HasExited) Assert.Fail($"descent ended before it could be interrupted: {stderr.Result}");
                Assert.True(DateTime.UtcNow < deadline, "descent cached nothing in 2 minutes");
                Thread.Sleep(10);
            }
            Assert.Equal("", Kill(process.Id));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "descent did not stop within 30 s of the signal");
        }
        finally
        {
            if (!process.HasExited) process.Kill(true);
        }

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("", stdout.Result);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(outDir, "sweep.csv")));
        // What is kept is finished work: whole batches that read back.
        foreach (string file in Directory.GetFiles(cache))
            Assert.Equal(256, Descent.Lab.IO.LabJson.ReadFile<Dictionary<string, Descent.Lab.Sweep.SweepOutcome>>(file).Count);
    }

    private static string Kill(int pid)
    {
        var start = new System.Diagnostics.ProcessStartInfo("kill") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-s", "INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        using var kill = System.Diagnostics.Process.Start(start)!;
        string err = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        return kill.ExitCode == 0 ? "" : $"kill -s INT {pid} failed ({kill.ExitCode}): {err}";
    }
}
