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
    public static Outcome RunIn(string? workingDirectory, params string[] args)
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
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(true);
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
