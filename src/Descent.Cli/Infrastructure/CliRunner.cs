using Descent.Specs;
using Spectre.Console.Cli;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Runs the command app and turns every kind of bad input into the CLI contract's answer: one line on
/// standard error naming the argument and the valid choices, exit code 2, no stack trace.
/// </summary>
public static class CliRunner
{
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Runs <paramref name="app"/> with <paramref name="args"/>.</summary>
    public static int Run(ICommandApp app, string[] args)
    {
        try
        {
            return app.Run(args);
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Console.Error.WriteLine($"descent: {message}");
            return BadInput;
        }
    }

    /// <summary>The one-line message for a bad-input exception, or null for a real failure (which keeps its stack trace).</summary>
    public static string? Describe(Exception e) => e switch
    {
        UsageException u => $"{u.Argument}: {OneLine(u.Message)}",
        // A formula error shows the formula with a caret under the offending character.
        Descent.Lab.LabInputException { InnerException: Descent.Functions.FormulaException f } l =>
            $"--{l.Argument}: {f.Reason} (column {f.Position + 1})\n{Indent(f.Display)}",
        Descent.Lab.LabInputException { InnerException: Descent.Functions.UnknownFunctionException u } l => $"--{l.Argument}: {OneLine(u.Message)}",
        Descent.Lab.LabInputException l => $"{(l.Argument is null ? "" : $"--{l.Argument}: ")}{OneLine(l.Message)}",
        SpecException s => $"--optimizer: {OneLine(s.Message)}",
        CommandParseException or CommandRuntimeException => $"{OneLine(e.Message)} (see 'descent --help')",
        _ => null,
    };

    private static string Indent(string display)
    {
        var lines = display.Split('\n');
        // The display ends with the reason, already on the first line.
        return string.Join("\n", lines.Take(2).Select(l => "  " + l));
    }

    /// <summary>Joins a message onto one line.</summary>
    public static string OneLine(string message) => string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
