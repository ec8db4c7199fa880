using System.Globalization;
using System.Text;
using Descent.Schedules;
using Descent.Specs;

namespace Descent.Lab.Sweep;

/// <summary>
/// Grids inside an optimizer spec, expanded at the text level: <c>[a..b:nlog]</c> (n log-spaced values, both ends
/// included), <c>[a..b:n]</c> (n evenly spaced values), <c>[x,y,z]</c> (a list, each item kept as typed). A grid may
/// stand wherever a key's value does: a rule's keys, a typed rule's hyperparameters after <c>|</c>, a schedule's keys,
/// a nested spec's keys (<c>lookahead(adam(lr=[1e-3..1:7log]), k=5)</c>). Each cell is the spec with every grid
/// replaced by one value, which then goes through the ordinary spec parser unchanged.
/// </summary>
/// <remarks>
/// Generated numbers are printed with <see cref="OptimizerSpec.FormatNumber"/>, so a cell's spec reads back to exactly
/// the double the grid computed. A key whose value is itself a list (a schedule's <c>milestones=[30, 80]</c>) keeps its
/// list; a grid of such lists is written as a list of lists, <c>milestones=[[30,80],[50,100]]</c>. A typed rule's
/// statements (before its <c>|</c>) are never read for grids.
/// </remarks>
public static class SpecGrid
{
    /// <summary>The most values one grid may have.</summary>
    public const int MaxValues = 1000;

    /// <summary>The most cells one spec may expand to (the product of its grids).</summary>
    public const int MaxCells = 100_000;

    /// <summary>The keys whose value is a list of their own (a schedule's <c>milestones</c>): a list there is the value, not a grid.</summary>
    public static IReadOnlySet<string> ListKeys { get; } = ScheduleCatalog.Entries
        .SelectMany(e => e.Keys).Where(k => k.Kind.StartsWith('[')).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="spec"/> holds at least one grid.</summary>
    public static bool HasGrid(string spec) => Expand(spec).Axes.Count > 0;

    /// <summary>Finds the grids of <paramref name="spec"/> and lists its cells.</summary>
    /// <exception cref="GridException">A grid that does not read, or more than <see cref="MaxCells"/> cells.</exception>
    public static GriddedSpec Expand(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var axes = FindGrids(spec);
        long cells = 1;
        foreach (var axis in axes)
        {
            cells *= axis.Values.Count;
            if (cells > MaxCells)
                throw new GridException(spec, axis.Start, FormattableString.Invariant(
                    $"the grids give {string.Join(" × ", axes.Select(a => a.Values.Count))} cells, above the limit of {MaxCells:N0} per optimizer"));
        }
        var list = new List<GridCell>((int)cells);
        var index = new int[axes.Count];
        for (long c = 0; c < cells; c++)
        {
            // The last grid varies fastest: odometer order.
            long rest = c;
            for (int a = axes.Count - 1; a >= 0; a--)
            {
                index[a] = (int)(rest % axes[a].Values.Count);
                rest /= axes[a].Values.Count;
            }
            var sb = new StringBuilder(spec.Length + 16 * axes.Count);
            int at = 0;
            var values = new string[axes.Count];
            for (int a = 0; a < axes.Count; a++)
            {
                values[a] = axes[a].Values[index[a]];
                sb.Append(spec, at, axes[a].Start - at).Append(values[a]);
                at = axes[a].Start + axes[a].Length;
            }
            sb.Append(spec, at, spec.Length - at);
            list.Add(new GridCell { Spec = sb.ToString(), Values = values });
        }
        return new GriddedSpec { Text = spec, Axes = axes, Cells = list };
    }

    private static List<GridAxis> FindGrids(string spec)
    {
        var axes = new List<GridAxis>();
        int i = 0;
        while (i < spec.Length)
        {
            char c = spec[i];
            if (c == '(' && NameBefore(spec, i).Equals(Rules.TypedRules.Unnamed, StringComparison.OrdinalIgnoreCase))
            {
                i = AfterStatements(spec, i);
                continue;
            }
            if (c == '[' && PreviousNonSpace(spec, i) is int eq && spec[eq] == '=')
            {
                int close = MatchingBracket(spec, i);
                string key = NameBefore(spec, eq);
                string inner = spec[(i + 1)..close];
                bool listKey = ListKeys.Contains(key.ToLowerInvariant());
                if (!listKey || inner.TrimStart().StartsWith('['))
                    axes.Add(ReadGrid(spec, key, i, close, listKey));
                i = close + 1;
                continue;
            }
            i++;
        }
        return axes;
    }

    // A typed rule's statements (their '=' are assignments, not keys) end at the '|' on their own level, or at the
    // rule's ')' when it has no keys: where the scan goes on.
    private static int AfterStatements(string spec, int open)
    {
        int depth = 0;
        for (int j = open + 1; j < spec.Length; j++)
        {
            char c = spec[j];
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']')
            {
                if (depth == 0) return j;
                depth--;
            }
            else if (c == '|' && depth == 0) return j + 1;
        }
        return spec.Length;
    }

    private static GridAxis ReadGrid(string spec, string key, int open, int close, bool listOfLists)
    {
        string inner = spec[(open + 1)..close];
        if (key.Length == 0) throw new GridException(spec, open, "a grid stands where a key's value does, after 'key='");
        if (inner.Contains('[', StringComparison.Ordinal) && !listOfLists)
            throw new GridException(spec, open + 1 + inner.IndexOf('[', StringComparison.Ordinal), "a grid cannot hold another grid");
        int dots = inner.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0 && !listOfLists) return ReadRange(spec, key, open, close, dots);
        var items = new List<string>();
        int start = open + 1;
        foreach (string part in SplitTopLevel(inner))
        {
            string item = part.Trim();
            if (item.Length == 0)
                throw new GridException(spec, start + part.Length - part.TrimStart().Length,
                    "an empty value in a list grid; write [x,y,z] or a range [a..b:n], [a..b:nlog]");
            if (items.Count == MaxValues)
                throw new GridException(spec, start, FormattableString.Invariant($"a grid may have at most {MaxValues} values"));
            items.Add(item);
            start += part.Length + 1;
        }
        return new GridAxis { Key = key, Start = open, Length = close - open + 1, Values = items };
    }

    private static GridAxis ReadRange(string spec, string key, int open, int close, int dots)
    {
        int at = open + 1;
        string inner = spec[at..close];
        int colon = inner.IndexOf(':', dots);
        if (colon < 0) throw new GridException(spec, close, "a range needs its count: [a..b:n] (evenly spaced) or [a..b:nlog] (log-spaced)");
        double a = Number(spec, at, inner[..dots], "the range's start");
        double b = Number(spec, at + dots + 2, inner[(dots + 2)..colon], "the range's end");
        string count = inner[(colon + 1)..].Trim();
        bool log = count.EndsWith("log", StringComparison.OrdinalIgnoreCase);
        if (log) count = count[..^3].TrimEnd();
        int countAt = at + colon + 1;
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > MaxValues)
            throw new GridException(spec, countAt, FormattableString.Invariant(
                $"'{OptimizerSpec.Quote(count)}' is not a count of values; valid: a whole number 1 to {MaxValues}, then 'log' for log spacing"));
        if (log && (a <= 0 || b <= 0))
            throw new GridException(spec, a <= 0 ? at : at + dots + 2, "a log-spaced range needs ends above 0");
        if (log && b < a)
            throw new GridException(spec, at + dots + 2, "a log-spaced range runs upwards: its end must not be below its start");
        if (n == 1 && a != b)
            throw new GridException(spec, countAt, "one value cannot span two different ends; give a count of 2 or more, or a list [x]");
        if (n > 1 && a == b)
            throw new GridException(spec, at + dots + 2, "the range's ends are equal; give two different ends, or a list [x]");
        var values = new string[n];
        double la = Math.Log10(a), lb = Math.Log10(b);
        for (int k = 0; k < n; k++)
        {
            // The ends exactly as typed; the inside points from the spacing.
            double v = k == 0 ? a : k == n - 1 ? b
                : log ? Math.Pow(10, la + (lb - la) * k / (n - 1)) : a + (b - a) * k / (n - 1);
            values[k] = OptimizerSpec.FormatNumber(v);
        }
        return new GridAxis { Key = key, Start = open, Length = close - open + 1, Log = log, Values = values };
    }

    private static double Number(string spec, int at, string text, string what)
    {
        string t = text.Trim();
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new GridException(spec, at + (text.Length - text.TrimStart().Length), $"{what} '{OptimizerSpec.Quote(t)}' is not a finite number");
        return v;
    }

    private static List<string> SplitTopLevel(string inner)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            if (inner[i] is '(' or '[') depth++;
            else if (inner[i] is ')' or ']') depth--;
            else if (inner[i] == ',' && depth == 0)
            {
                parts.Add(inner[start..i]);
                start = i + 1;
            }
        }
        parts.Add(inner[start..]);
        return parts;
    }

    private static int MatchingBracket(string spec, int open)
    {
        int depth = 0;
        for (int i = open; i < spec.Length; i++)
        {
            if (spec[i] is '[' or '(') depth++;
            else if (spec[i] is ']' or ')')
            {
                depth--;
                if (depth == 0)
                {
                    if (spec[i] != ']') break;
                    return i;
                }
            }
        }
        throw new GridException(spec, open, "this '[' is never closed by its ']'");
    }

    private static int? PreviousNonSpace(string spec, int i)
    {
        for (int j = i - 1; j >= 0; j--)
            if (!char.IsWhiteSpace(spec[j])) return j;
        return null;
    }

    // The word just before position i (skipping spaces): a key before '=', a rule's name before '('.
    private static string NameBefore(string spec, int i)
    {
        int end = i;
        while (end > 0 && char.IsWhiteSpace(spec[end - 1])) end--;
        int start = end;
        while (start > 0 && (char.IsLetterOrDigit(spec[start - 1]) || spec[start - 1] is '_' or '-')) start--;
        return spec[start..end];
    }
}
