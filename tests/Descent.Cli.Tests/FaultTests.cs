using System.Text.RegularExpressions;

namespace Descent.Cli.Tests;

public sealed partial class FaultTests
{
    private const string Interrupted = "descent: interrupted; no unfinished files are left.";

    [TmpfsFact]
    public void Response_DiskFillsUp_ExitCode1NamingThePathAndNoNewFileLeft()
    {
        using var disk = new Tmpfs(64);
        string dir = Path.Combine(disk.Path, "out");
        // The CSV and JSON of two 300-step curves take about 39 KiB; the PNG does not fit in what is left.
        var run = DescentProcess.Run("response", "--signal", "rectangles", "--optimizer", "adam", "--optimizer", "sgd", "--out", dir);

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($"^descent: cannot write '{Regex.Escape(dir)}/response\\.(csv|json|png)': No space left on device$", line);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [TmpfsFact]
    public void Response_DiskFillsUp_FilesItReplacedAreRestored()
    {
        using var disk = new Tmpfs(64);
        string dir = Path.Combine(disk.Path, "out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "response.csv"), "an earlier run's data\n");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine\n");
        var run = DescentProcess.Run("response", "--signal", "rectangles", "--optimizer", "adam", "--optimizer", "sgd", "--out", dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["notes.txt", "response.csv"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("an earlier run's data\n", File.ReadAllText(Path.Combine(dir, "response.csv")));
    }

    [TmpfsFact]
    public void Trajectory_DiskFillsUpWritingTheGif_NoNewFileLeft()
    {
        using var disk = new Tmpfs(64);
        string gif = Path.Combine(disk.Path, "path.gif");
        var run = DescentProcess.Run("trajectory", "--function", "hills-and-canyon", "--optimizer", "adam(lr=0.25)", "--steps", "40", "--gif", gif);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"descent: cannot write '{gif}': No space left on device", run.Err.TrimEnd('\n'));
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [LinuxFact]
    public void StandardOutputOnAFullDevice_ExitCode1NamingIt()
    {
        var response = DescentProcess.RunWithStdoutTo("/dev/full", "response", "--signal", "rectangles", "--optimizer", "adam");
        var list = DescentProcess.RunWithStdoutTo("/dev/full", "list", "optimizers");

        foreach (var run in new[] { response, list })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("descent: cannot write standard output: No space left on device", Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
    }

    [LinuxFact]
    public void Recipe_Sigint_ExitCode130AndNoTemporaryOrNewFileLeft() => Interrupt(Sigint);

    [LinuxFact]
    public void Recipe_Sigterm_ExitCode130AndNoTemporaryOrNewFileLeft() => Interrupt(Sigterm);

    [Fact]
    public void Rerun_SweepsTemporariesOfDeadRunsOnly()
    {
        using var dir = new TempDirectory();
        string outDir = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(Path.Combine(outDir, "sub"));
        // 99999999 is above Linux's largest process id (2^22): no process has it.
        string[] stale = [".descent-response.csv.99999999.0123456789abcdef0123456789abcdef.tmp", ".response.png.99999999.fedcba9876543210fedcba9876543210.tmp",
            Path.Combine("sub", ".descent-a.gif.99999999.00000000000000000000000000000000.tmp")];
        // This test's own process is alive and started before the file was made: its temporary is in use.
        string live = $".descent-response.json.{Environment.ProcessId}.11111111111111111111111111111111.tmp";
        string[] others = [".notes.tmp", "draft.tmp", ".descent-x.csv.99999999.not-a-guid.tmp"];
        foreach (string name in stale.Append(live).Concat(others)) File.WriteAllBytes(Path.Combine(outDir, name), []);

        var run = DescentProcess.Run("response", "--signal", "spikes", "--optimizer", "adam", "--steps", "5", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Err);
        foreach (string name in stale) Assert.False(File.Exists(Path.Combine(outDir, name)), name);
        foreach (string name in others.Append(live)) Assert.True(File.Exists(Path.Combine(outDir, name)), name);
        Assert.True(File.Exists(Path.Combine(outDir, "response.png")));
    }

    private const string Sigint = "INT";
    private const string Sigterm = "TERM";

    private static void Interrupt(string signal)
    {
        using var dir = new TempDirectory();
        string outDir = Path.Combine(dir.Path, "figures");
        using var process = DescentProcess.Start("response", "--recipe", "lecture", "--out", outDir);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // Signal once the recipe is under way: its first figure's files exist and more are being written.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!(Directory.Exists(outDir) && Directory.GetFiles(outDir).Length >= 2))
            {
                // (The message is built only on failure: reading stderr waits for the process to end.)
                if (process.HasExited) Assert.Fail($"descent ended before it could be interrupted: {stderr.Result}");
                Assert.True(DateTime.UtcNow < deadline, "descent wrote nothing in 2 minutes");
                Thread.Sleep(10);
            }
            Assert.Equal("", Kill(process.Id, signal));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "descent did not stop within 30 s of the signal");
        }
        finally
        {
            if (!process.HasExited) process.Kill(true);
        }

        Assert.Equal(130, process.ExitCode);
        Assert.Equal(Interrupted, Assert.Single(stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("", stdout.Result);
        // The run made the folder: it goes with everything in it, temporaries included.
        Assert.False(Directory.Exists(outDir), Directory.Exists(outDir) ? string.Join(", ", Directory.GetFileSystemEntries(outDir, "*", SearchOption.AllDirectories)) : "");
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    // kill(1) rather than P/Invoke: the test project does not allow unsafe code.
    private static string Kill(int pid, string signal)
    {
        var start = new System.Diagnostics.ProcessStartInfo("kill") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        using var kill = System.Diagnostics.Process.Start(start)!;
        string err = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        return kill.ExitCode == 0 ? "" : $"kill -s {signal} {pid} failed ({kill.ExitCode}): {err}";
    }
}
