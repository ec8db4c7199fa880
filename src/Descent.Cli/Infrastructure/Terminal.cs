using Spectre.Console;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// The two consoles of the CLI contract: data on standard output and nothing else, progress bars and
/// messages on standard error.
/// </summary>
public static class Terminal
{
    /// <summary>Standard output, for tables and data.</summary>
    public static IAnsiConsole Out { get; } = CreateOut();

    /// <summary>Standard error, for progress and messages.</summary>
    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static IAnsiConsole CreateOut()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // Redirected output has no width; 80 columns would fold the optimizer table into unreadable cells.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        return console;
    }

    /// <summary>Runs <paramref name="work"/> under one progress bar on standard error; the callback takes the fraction done.</summary>
    public static T WithProgress<T>(string label, Func<Action<double>, T> work)
    {
        T result = default!;
        if (Console.IsErrorRedirected)
            return work(_ => { });
        Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = work(f => task.Value = Math.Clamp(f, 0, 1));
                task.Value = 1;
            });
        return result;
    }

    /// <summary>A one-line note on standard error; control characters in it are escaped (<see cref="Escape"/>).</summary>
    public static void Note(string text) => Console.Error.WriteLine(Escape(text));

    /// <summary><paramref name="text"/> safe to print on a terminal: the library's one escaper, <see cref="Descent.Specs.OptimizerSpec.Escape"/>.</summary>
    public static string Escape(string text) => Descent.Specs.OptimizerSpec.Escape(text);

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, with … when it was longer: input echoed in a message stays short.</summary>
    public static string Shorten(string text, int max = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max) return text;
        int cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
