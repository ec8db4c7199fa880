using System.Diagnostics;

namespace Descent.Web.Tests;

/// <summary>Runs the built <c>descent</c> command (its dll is in this test's output) as a user would.</summary>
public static class CliProcess
{
    /// <summary>What one run printed and returned.</summary>
    public sealed record Outcome(int ExitCode, string Out, string Err);

    /// <summary>Runs <c>descent</c> with <paramref name="args"/>, waiting at most <paramref name="timeout"/> (then it is killed).</summary>
    public static Outcome Run(string[] args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Descent.Cli.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2))) process.Kill(true);
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
