using Descent.Lab;
using Descent.Lab.Render.Files;
using Spectre.Console.Cli;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Runs the command app under the CLI contract. Bad input: one line on standard error naming the argument and
/// the valid choices, exit code 2, no stack trace. A file that cannot be written (disk full): one line naming
/// the path and the cause, exit code 1. Ctrl-C or SIGTERM: one line, exit code 130. A command that does not
/// succeed leaves no new files: everything it wrote goes through one <see cref="OutputTransaction"/>.
/// </summary>
public static class CliRunner
{
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for a fault of the machine, such as a full disk.</summary>
    public const int Fault = 1;

    /// <summary>Runs <paramref name="app"/> with <paramref name="args"/>, checked first against <paramref name="commands"/>.</summary>
    public static int Run(ICommandApp app, string[] args, IReadOnlyList<CommandSyntax> commands)
    {
        ArgumentNullException.ThrowIfNull(app);
        StandardOutput.Install();
        using var interruption = new Interruption();
        using var outputs = OutputTransaction.Begin();
        int code;
        try
        {
            ArgumentCheck.Check(args, commands);
            code = app.Run(args, interruption.Token);
            Console.Out.Flush();
        }
        catch (Exception) when (interruption.Signalled)
        {
            outputs.Abort();
            return interruption.Report();
        }
        catch (Exception e) when (ErrorReports.Unwrap(e) is OutputFileException o)
        {
            outputs.Abort();
            WriteError($"cannot write {(o.Path == StandardOutput.Name ? o.Path : $"'{o.Path}'")}: {o.Message}");
            return Fault;
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            outputs.Abort();
            WriteError(message);
            return ExitCode(ErrorKind.BadInput);
        }
        if (interruption.Signalled)
        {
            outputs.Abort();
            return interruption.Report();
        }
        if (code == 0) outputs.Complete();
        return code;
    }

    /// <summary>
    /// The message for a bad-input exception, lines after the first indented, or null for a real failure (which
    /// keeps its stack trace). The command line's own syntax errors are the CLI's; everything else is the Lab's
    /// <see cref="ErrorReports.Describe"/>, printed as <c>--argument: message</c> (<see cref="Format"/>).
    /// </summary>
    public static string? Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inner = ErrorReports.Unwrap(e);
        return inner switch
        {
            UsageException u => $"{u.Argument}: {OneLine(u.Message)}",
            CommandParseException or CommandRuntimeException => $"{OneLine(inner.Message)} (see 'descent --help')",
            _ when ErrorReports.Describe(inner) is { Kind: ErrorKind.BadInput } report => Format(report),
            _ => null,
        };
    }

    /// <summary>
    /// What the CLI prints after <c>descent: </c> for <paramref name="report"/>: <c>--argument: message</c> (the message alone
    /// when no single argument is at fault), then for a formula the formula and a caret under the bad character, indented.
    /// </summary>
    public static string Format(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string line = report.Argument is null ? report.Message : $"--{report.Argument}: {report.Message}";
        return report.Display is null ? line : $"{line}\n{Indent(report.Display)}";
    }

    /// <summary>The exit code for a failure of kind <paramref name="kind"/>: 2 for bad input, 1 for a fault, 130 for a cancellation.</summary>
    public static int ExitCode(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => BadInput,
        ErrorKind.Cancelled => Interruption.ExitCode,
        _ => Fault,
    };

    /// <summary>
    /// The one place that prints an error: <c>descent: </c> and the message, each line's control characters
    /// escaped (<see cref="Terminal.Escape"/>) so that input cannot move the cursor, clear the screen or hide text.
    /// </summary>
    public static void WriteError(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Console.Error.WriteLine("descent: " + string.Join("\n", message.Split('\n').Select(Terminal.Escape)));
    }

    private static string Indent(string display)
    {
        var lines = display.Split('\n');
        // The display ends with the reason, already on the first line.
        return string.Join("\n", lines.Take(2).Select(l => "  " + l));
    }

    /// <summary>A message on one line: a line break in it (from the input it quotes) shows as <c>\n</c> (<see cref="ErrorReports.OneLine"/>).</summary>
    public static string OneLine(string message) => ErrorReports.OneLine(message);
}
