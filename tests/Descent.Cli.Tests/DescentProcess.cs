using System.Diagnostics;

namespace Descent.Cli.Tests;

/// <summary>Runs the built <c>descent</c> command as a user would, capturing its exit code, standard output and standard error.</summary>
public static class DescentProcess
{
    /// <summary>What one run printed and returned.</summary>
    public sealed record Outcome(int ExitCode, string Out, string Err);

    /// <summary>Runs <c>descent</c> with <paramref name="args"/>.</summary>
    public static Outcome Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs <c>descent</c> in <paramref name="workingDirectory"/>.</summary>
    public static Outcome RunIn(string? workingDirectory, params string[] args) =>
        Finish(Process.Start(StartInfo(workingDirectory, args))!, TimeSpan.FromMinutes(5), args);

    /// <summary>Runs <c>descent</c>, failing the test if it is still running after <paramref name="limit"/>.</summary>
    public static Outcome RunWithin(TimeSpan limit, params string[] args) =>
        Finish(Process.Start(StartInfo(null, args))!, limit, args);

    /// <summary>Runs <c>descent</c> with extra environment variables (a scheduler's <c>JOB_COMPLETION_INDEX</c>).</summary>
    public static Outcome RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(null, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Finish(Process.Start(start)!, TimeSpan.FromMinutes(5), args);
    }

    /// <summary>Starts <c>descent</c> without waiting, for a test that signals it; both outputs are redirected.</summary>
    public static Process Start(params string[] args) => Process.Start(StartInfo(null, args))!;

    /// <summary>Runs <c>descent</c> with its standard output sent to <paramref name="file"/> (e.g. <c>/dev/full</c>) by the shell.</summary>
    public static Outcome RunWithStdoutTo(string file, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // sh -c 'exec "$0" "$@" > FILE' dotnet Descent.Cli.dll ARGS: the arguments reach descent unquoted by any shell.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" > \"$DESCENT_TEST_STDOUT\"");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Descent.Cli.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["DESCENT_TEST_STDOUT"] = file;
        return Finish(Process.Start(start)!, TimeSpan.FromMinutes(5), args);
    }

    // Reads both outputs while waiting; a run past its limit is killed and fails the test by name.
    private static Outcome Finish(Process process, TimeSpan limit, string[] args)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"descent {string.Join(' ', args)} was still running after {limit.TotalSeconds} s");
            }
            return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static ProcessStartInfo StartInfo(string? workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Descent.Cli.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        return start;
    }
}
