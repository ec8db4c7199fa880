using System.Globalization;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Checks the command line against the commands' declared options before the parser sees it. The parser
/// ignores options it does not know (<c>--step 10</c> ran 125 steps) and answers some mistakes in its own
/// terms ("Failed to convert '1e12' to Nullable`1"); here every mistake becomes a <see cref="UsageException"/>
/// that names the argument and what is valid.
/// </summary>
public static class ArgumentCheck
{
    /// <summary>The help switches the parser answers itself, anywhere on the line.</summary>
    public static IReadOnlyList<string> HelpSwitches { get; } = ["-h", "-?", "--help"];

    /// <summary>Throws a <see cref="UsageException"/> for the first mistake in <paramref name="args"/>.</summary>
    public static void Check(IReadOnlyList<string> args, IReadOnlyList<CommandSyntax> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(commands);
        if (args.Count == 0 || args.Any(a => HelpSwitches.Contains(a, StringComparer.Ordinal))) return;
        string first = args[0];
        var command = commands.FirstOrDefault(c => c.Name == first);
        if (command is null)
        {
            var names = commands.Select(c => c.Name).ToList();
            string problem = first.StartsWith('-') ? "unknown option; a command comes first" : "unknown command";
            throw new UsageException(Terminal.Shorten(first, 40), $"{problem}; {Suggest(first, names, "")}valid: {string.Join(", ", names)} (see 'descent --help').");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int positional = 0;
        for (int i = 1; i < args.Count; i++)
        {
            string token = args[i];
            if (ReadsAsOption(token))
            {
                int equals = token.IndexOf('=', StringComparison.Ordinal);
                string name = equals < 0 ? token : token[..equals];
                string? value = equals < 0 ? null : token[(equals + 1)..];
                var option = command.Find(name) ?? throw Unknown(command, Terminal.Shorten(name, 40));
                if (!option.IsRepeatable && !seen.Add(option.Name))
                    throw new UsageException(option.Name, $"given twice; give it once (only --optimizer may repeat).");
                if (option.IsFlag)
                {
                    if (value is null && i + 1 < args.Count && IsBoolean(args[i + 1])) i++;
                    else if (value is not null && !IsBoolean(value))
                        throw new UsageException(option.Name, $"a switch takes no value like '{Terminal.Shorten(value)}'; valid: {option.Name}, {option.Name}=true, {option.Name}=false.");
                    continue;
                }
                if (value == "")
                    throw new UsageException(option.Name, $"needs a value after '='; valid: {option.ValidValues}.");
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                        throw new UsageException(option.Name, $"needs a value; valid: {option.ValidValues}.");
                    string next = args[i + 1];
                    if (ReadsAsOption(next))
                    {
                        if (command.Find(next.Split('=')[0]) is not null || next == "--")
                            throw new UsageException(option.Name, $"needs a value before {Terminal.Shorten(next, 40)}; valid: {option.ValidValues}.");
                        throw new UsageException(option.Name, $"the value '{Terminal.Shorten(next)}' starts with '-' and reads as an option; attach it with '=': {option.Name}={Terminal.Shorten(next)}");
                    }
                    value = next;
                    i++;
                }
                CheckValue(option, value);
            }
            else if (positional < command.Arguments.Count || command.IsVariadic)
            {
                positional++;
            }
            else
            {
                string hint = command.Arguments.Count > 0
                    ? $"'descent {command.Name}' takes {command.Arguments.Count} word ({string.Join(", ", command.Arguments)})"
                    : $"'descent {command.Name}' takes no words, only options, each value after its option";
                string options = command.Options.Count == 0 ? "" : $"; valid options: {string.Join(", ", command.Options.Select(o => o.Name))}";
                throw new UsageException(Terminal.Shorten(token, 40), $"unexpected word; {hint}{options}.");
            }
        }
    }

    /// <summary>
    /// Whether the parser reads <paramref name="token"/> as an option name: it starts with <c>-</c> and is not
    /// a negative number (<c>-2.8,-2.5</c> is a value; <c>-x^2</c> is not).
    /// </summary>
    public static bool ReadsAsOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]) || token == "-";

    /// <summary>
    /// The names in <paramref name="valid"/> close to <paramref name="given"/> (edit distance at most a third of
    /// its length, at least 1, ignoring case, or one is a prefix of the other), closest first.
    /// </summary>
    public static IReadOnlyList<string> Close(string given, IEnumerable<string> valid)
    {
        string g = given.TrimStart('-').ToLowerInvariant();
        int limit = Math.Max(1, g.Length / 3);
        return [.. valid
            .Select(v => (Name: v, Bare: v.TrimStart('-').ToLowerInvariant()))
            .Select(v => (v.Name, Distance: Distance(g, v.Bare), Prefix: g.Length >= 3 && (v.Bare.StartsWith(g, StringComparison.Ordinal) || g.StartsWith(v.Bare, StringComparison.Ordinal))))
            .Where(v => v.Distance <= limit || v.Prefix)
            .OrderBy(v => v.Distance)
            .ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => v.Name)];
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        // Long input is never close to an option name; bound the work a hostile argument can cause.
        if (Math.Abs(a.Length - b.Length) > 8 || a.Length > 64 || b.Length > 64) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    private static UsageException Unknown(CommandSyntax command, string name)
    {
        var valid = command.Options.Select(o => o.Name).ToList();
        return new UsageException(name, $"unknown option of 'descent {command.Name}'; {Suggest(name, valid, "")}valid: {string.Join(", ", valid)}.");
    }

    private static string Suggest(string given, IReadOnlyList<string> valid, string prefix)
    {
        var close = Close(given, valid);
        return close.Count == 0 ? "" : $"did you mean {string.Join(" or ", close.Select(c => prefix + c))}? ";
    }

    private static void CheckValue(OptionSyntax option, string value)
    {
        if (!option.IsInteger) return;
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            throw new UsageException(option.Name, $"'{Terminal.Shorten(value)}' is not a whole number; valid: {option.ValidValues}.");
        // A range that depends on other input ("1 to the signal's length") is checked by the command, which knows
        // the bound; here only the whole numbers the option's type holds.
        var (min, max) = option.Range?.Text is null ? option.Bounds : option.TypeBounds;
        if (v < min || v > max)
            throw new UsageException(option.Name, option.Range?.Text is null ? option.OutOfRange(v)
                : string.Create(CultureInfo.InvariantCulture, $"{v} is out of range; valid: {option.ValidValues}."));
    }

    private static bool IsBoolean(string text) => text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
