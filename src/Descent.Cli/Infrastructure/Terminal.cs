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

    /// <summary>
    /// <paramref name="text"/> safe to print on a terminal: control characters (C0, DEL, C1) and the invisible
    /// direction and format marks that could rewrite or hide what is shown become visible escapes
    /// (<c>\n</c>, <c>\t</c>, <c>\x1b</c>, <c>\u202e</c>); everything else is kept.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (!NeedsEscape(c)) sb.Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x100) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }
        return sb.ToString();
    }

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, with … when it was longer: input echoed in a message stays short.</summary>
    public static string Shorten(string text, int max = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max) return text;
        int cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
