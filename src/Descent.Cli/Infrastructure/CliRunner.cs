using Descent.Lab.Render.Files;
using Descent.Specs;
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
        catch (Exception e) when (Unwrap(e) is OutputFileException o)
        {
            outputs.Abort();
            WriteError($"cannot write {(o.Path == StandardOutput.Name ? o.Path : $"'{o.Path}'")}: {o.Message}");
            return Fault;
        }
        catch (Exception e) when (Describe(Unwrap(e)) is { } message)
        {
            outputs.Abort();
            WriteError(message);
            return BadInput;
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
    /// keeps its stack trace).
    /// </summary>
    public static string? Describe(Exception e) => e switch
    {
        UsageException u => $"{u.Argument}: {OneLine(u.Message)}",
        // A formula error shows the formula with a caret under the offending character.
        Descent.Lab.LabInputException { InnerException: Descent.Functions.FormulaException f } l =>
            $"--{l.Argument}: {f.Reason} (column {f.Position + 1})\n{Indent(f.Display)}",
        Descent.Lab.LabInputException { InnerException: Descent.Functions.UnknownFunctionException u } l => $"--{l.Argument}: {OneLine(u.Message)}",
        Descent.Lab.LabInputException l => $"{(l.Argument is null ? "" : $"--{l.Argument}: ")}{OneLine(l.Message)}",
        SpecException s => $"--optimizer: {OneLine(s.Message)}",
        // A typed rule's error shows its statements with a caret, as a formula's does.
        Descent.Rules.RuleException r => $"--optimizer: {r.Reason} (column {r.Position + 1} of the rule)\n{Indent(r.Display)}",
        CommandParseException or CommandRuntimeException => $"{OneLine(e.Message)} (see 'descent --help')",
        _ => null,
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

    /// <summary>A message on one line: a line break in it (from the input it quotes) shows as <c>\n</c>.</summary>
    public static string OneLine(string message) => Terminal.Escape(message.Trim());

    // Work run in parallel reports its failure wrapped.
    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } a) e = a.InnerExceptions[0];
        while (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        return e;
    }
}
