using System.Globalization;
using Descent.Specs;

namespace Descent.Schedules;

/// <summary>One key of a schedule spec: its name, what it accepts, and how it reads and writes the options record.</summary>
public sealed class ScheduleKey
{
    private readonly Func<ScheduleOptions, string> _get;
    private readonly Func<ScheduleOptions, string, ScheduleOptions> _set;

    private ScheduleKey(string name, string kind, Func<ScheduleOptions, string> get, Func<ScheduleOptions, string, ScheduleOptions> set)
    {
        Name = name;
        Kind = kind;
        _get = get;
        _set = set;
    }

    /// <summary>The key's name (<c>t_max</c>).</summary>
    public string Name { get; }

    /// <summary>What the key accepts (<c>number</c>, <c>integer</c>, <c>true|false</c>, a list of choices).</summary>
    public string Kind { get; }

    /// <summary>The key's value in <paramref name="options"/>, as spec text.</summary>
    public string Get(ScheduleOptions options) => _get(options);

    /// <summary>A copy of <paramref name="options"/> with the key set from <paramref name="text"/>.</summary>
    public ScheduleOptions Set(ScheduleOptions options, string text) => _set(options, text);

    /// <summary>A number key.</summary>
    public static ScheduleKey Number<TS>(string name, Func<TS, double> get, Func<TS, double, TS> set) where TS : ScheduleOptions =>
        new(name, "number", o => OptimizerSpec.FormatNumber(get((TS)o)), (o, text) => set((TS)o, SpecKey.ParseNumber(name, text)));

    /// <summary>An integer key.</summary>
    public static ScheduleKey Integer<TS>(string name, Func<TS, int> get, Func<TS, int, TS> set) where TS : ScheduleOptions =>
        new(name, "integer", o => get((TS)o).ToString(CultureInfo.InvariantCulture), (o, text) => set((TS)o, ParseInteger(name, text)));

    /// <summary>An optional integer key (absent: null).</summary>
    public static ScheduleKey OptionalInteger<TS>(string name, Func<TS, int?> get, Func<TS, int?, TS> set) where TS : ScheduleOptions =>
        new(name, "integer", o => get((TS)o) is { } v ? v.ToString(CultureInfo.InvariantCulture) : "none", (o, text) =>
            set((TS)o, text.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ParseInteger(name, text)));

    /// <summary>A list of integers, <c>[30, 80]</c>.</summary>
    public static ScheduleKey Integers<TS>(string name, Func<TS, IReadOnlyList<int>> get, Func<TS, int[], TS> set) where TS : ScheduleOptions =>
        new(name, "[integer, ...]", o => "[" + string.Join(", ", get((TS)o).Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]",
            (o, text) => set((TS)o, ParseIntegers(name, text)));

    /// <summary>A boolean key.</summary>
    public static ScheduleKey Boolean<TS>(string name, Func<TS, bool> get, Func<TS, bool, TS> set) where TS : ScheduleOptions =>
        new(name, "true|false", o => get((TS)o) ? "true" : "false", (o, text) => text.ToLowerInvariant() switch
        {
            "true" or "1" => set((TS)o, true),
            "false" or "0" => set((TS)o, false),
            _ => throw new SpecException($"{name}={text} is not a boolean; valid: true, false."),
        });

    /// <summary>A key that takes one of <paramref name="words"/>.</summary>
    public static ScheduleKey Choice<TS>(string name, string[] words, Func<TS, string> get, Func<TS, string, TS> set) where TS : ScheduleOptions =>
        new(name, string.Join('|', words), o => get((TS)o), (o, text) =>
        {
            string w = text.ToLowerInvariant();
            if (!words.Contains(w)) throw new SpecException($"{name}={text} is not valid; valid: {string.Join(", ", words)}.");
            return set((TS)o, w);
        });

    private static int ParseInteger(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            throw new SpecException($"{name}={text} is not an integer.");
        return v;
    }

    private static int[] ParseIntegers(string name, string text)
    {
        string t = text.Trim();
        if (t.Length < 2 || t[0] != '[' || t[^1] != ']') throw new SpecException($"{name}={text} is not a list; write e.g. {name}=[30, 80].");
        string inner = t[1..^1];
        if (inner.Trim().Length == 0) return [];
        return [.. inner.Split(',').Select(v => ParseInteger(name, v.Trim()))];
    }
}
