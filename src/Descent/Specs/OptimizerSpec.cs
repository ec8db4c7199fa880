using System.Globalization;
using System.Text;

namespace Descent.Specs;

/// <summary>
/// The text form of an optimizer used by the CLI, the page and result files: <c>adam(lr=0.25, beta1=0.9)</c>.
/// A name, then optionally <c>key=value</c> pairs in parentheses. Values keep the text the user wrote,
/// so <see cref="Parse"/> and <see cref="ToString"/> round-trip. <c>alpha</c> is read as <c>rho</c>, except by a rule
/// that has a key named <c>alpha</c> (asgd).
/// Which names and keys exist is <see cref="OptimizerCatalog"/>'s business.
/// </summary>
public sealed class OptimizerSpec : IEquatable<OptimizerSpec>
{
    /// <summary>Keys written under another name (PyTorch's RMSprop calls its decay <c>alpha</c>), for rules without a key of that name.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string> { ["alpha"] = "rho" };

    /// <summary>A spec with <paramref name="name"/> and the given pairs, in order.</summary>
    public OptimizerSpec(string name, IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        Name = name;
        Values = [.. values ?? []];
    }

    /// <summary>The rule's name, lower case (<c>adam</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>key=value</c> pairs in the order written; keys are canonical (aliases resolved).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

    /// <summary>The longest spec accepted, in characters; the longest real one (every key of adam) is about 100.</summary>
    public const int MaxLength = 1000;

    /// <summary>How many characters of the user's text an error message quotes before cutting it with <c>…</c>.</summary>
    public const int QuoteLength = 60;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="SpecException"/> naming the problem.</summary>
    public static OptimizerSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
            throw new SpecException($"Optimizer spec '{Quote(text)}' is {text.Length} characters long; the limit is {MaxLength}.");
        string s = text.Trim();
        if (s.Length == 0) throw new SpecException("Empty optimizer spec; write e.g. adam(lr=0.001).");
        string shown = Quote(text);
        int open = s.IndexOf('(');
        string name = (open < 0 ? s : s[..open]).Trim().ToLowerInvariant();
        if (name.Length == 0) throw new SpecException($"Optimizer spec '{shown}' has no name before '('; write e.g. adam(lr=0.001).");
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '_'))
            throw new SpecException($"Optimizer spec '{shown}': '{Quote(name)}' is not a name (letters, digits, '-').");
        var values = new List<KeyValuePair<string, string>>();
        if (open >= 0)
        {
            if (!s.EndsWith(')')) throw new SpecException($"Optimizer spec '{shown}' is missing its closing ')'.");
            string inner = s[(open + 1)..^1];
            if (name == Rules.TypedRules.Unnamed)
            {
                // rule(<statements> | key=value, ...): the statements are the first value, unnamed; the rule's
                // own parser reads them (their '=' and ';' are not the spec's).
                int bar = IndexOfTopLevel(inner, '|');
                values.Add(new("", (bar < 0 ? inner : inner[..bar]).Trim()));
                inner = bar < 0 ? "" : inner[(bar + 1)..];
            }
            if (inner.Trim().Length > 0)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (string part in SplitTopLevel(shown, inner, ','))
                {
                    int eq = IndexOfTopLevel(part, '=');
                    if (eq < 0)
                    {
                        // A spec without a key: the schedules of sequential(linear(...), cosine(...), milestones=[10]).
                        string positional = part.Trim();
                        // ...and a wrapper's inner rule, a spec or a bare rule name: lookahead(adam, k=5).
                        bool ruleName = OptimizerCatalog.TryFind(positional) is not null;
                        if (positional.Length == 0 || !char.IsAsciiLetter(positional[0]) || !(positional.Contains('(') || ruleName))
                            throw new SpecException($"Optimizer spec '{shown}': '{Quote(positional)}' is not key=value.");
                        values.Add(new("", positional));
                        continue;
                    }
                    // A typed rule's names are case-sensitive, as in its statements (D and d may both be state).
                    string key = part[..eq].Trim(), value = part[(eq + 1)..].Trim();
                    if (name != Rules.TypedRules.Unnamed) key = key.ToLowerInvariant();
                    if (key.Length == 0) throw new SpecException($"Optimizer spec '{shown}': a value '{Quote(value)}' has no key.");
                    if (value.Length == 0) throw new SpecException($"Optimizer spec '{shown}': key '{Quote(key)}' has no value.");
                    // asgd has a key of its own named alpha; only a rule without it reads alpha as rho.
                    if (OptimizerCatalog.TryFind(name)?.Keys.Any(k => k.Name == key) != true) key = Aliases.GetValueOrDefault(key, key);
                    if (!seen.Add(key)) throw new SpecException($"Optimizer spec '{shown}': key '{Quote(key)}' is given twice.");
                    values.Add(new(key, value));
                }
            }
        }
        return new OptimizerSpec(name, values);
    }

    /// <summary>
    /// Splits <paramref name="inner"/> at the <paramref name="separator"/>s outside parentheses and
    /// brackets, so nested specs (<c>schedule=cosine(t_max=125, eta_min=0.01)</c>) and lists
    /// (<c>milestones=[30, 80]</c>) stay whole; unbalanced nesting is an error naming <paramref name="text"/>.
    /// </summary>
    public static List<string> SplitTopLevel(string text, string inner, char separator)
    {
        var parts = new List<string>();
        var closers = new Stack<char>();
        int start = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c == '(') closers.Push(')');
            else if (c == '[') closers.Push(']');
            else if (c is ')' or ']')
            {
                if (closers.Count == 0 || closers.Pop() != c) throw new SpecException($"Optimizer spec '{text}' has unbalanced parentheses or brackets.");
            }
            else if (c == separator && closers.Count == 0)
            {
                parts.Add(inner[start..i]);
                start = i + 1;
            }
        }
        if (closers.Count > 0) throw new SpecException($"Optimizer spec '{text}' has unbalanced parentheses or brackets.");
        parts.Add(inner[start..]);
        return parts;
    }

    private static int IndexOfTopLevel(string part, char c)
    {
        int depth = 0;
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] is '(' or '[') depth++;
            else if (part[i] is ')' or ']') depth--;
            else if (part[i] == c && depth == 0) return i;
        }
        return -1;
    }

    /// <summary>
    /// The user's <paramref name="text"/> as an error message may show it: control, format and line-breaking
    /// characters escaped (<c>\n</c>, <c>\u202E</c>) so the message stays one line and cannot steer a
    /// terminal, and cut after <see cref="QuoteLength"/> characters so a huge value is not echoed back whole.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > QuoteLength ? Escape(text[..QuoteLength]) + "…" : Escape(text);
    }

    /// <summary>
    /// <paramref name="text"/> safe to print on a terminal or in a one-line message, whole: control, format,
    /// line-breaking and unassigned characters, and lone surrogates, become visible escapes (<c>\n</c>,
    /// <c>\t</c>, <c>\u001b</c>, <c>\u202e</c>); everything else, surrogate pairs included, is kept. The
    /// one escaper of the CLI, the page's API and the library's messages.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bool escape = !pair && (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned);
            if (!escape && sb is null)
            {
                if (pair) i++;
                continue;
            }
            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            if (pair) sb.Append(c).Append(text[++i]);
            else if (!escape) sb.Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Values.FirstOrDefault(v => v.Key == key).Value;

    /// <summary>Prints the spec as <c>name(k=v, k=v)</c>, or the bare name when it has no values.</summary>
    public override string ToString()
    {
        if (Values.Count == 0) return Name;
        var sb = new StringBuilder(Name).Append('(');
        bool rule = Name == Rules.TypedRules.Unnamed && Values[0].Key.Length == 0;
        for (int i = 0; i < Values.Count; i++)
        {
            if (i > 0) sb.Append(rule && i == 1 ? " | " : ", ");
            if (Values[i].Key.Length > 0) sb.Append(Values[i].Key).Append('=');
            sb.Append(Values[i].Value);
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Formats a number so that it parses back to the same double.</summary>
    public static string FormatNumber(double value) => RoundTrip(value).Replace("E", "e");

    /// <summary>
    /// The shortest invariant text that parses back to <paramref name="value"/>, as <c>R</c> writes it, or its 17 digits
    /// where <c>R</c> misses: .NET 10's shortest form is one ulp off for a few powers of two (2^-25 prints as
    /// <c>2.980232238769531E-08</c>, which reads back as the double below it). The one number formatter of specs and data files.
    /// </summary>
    public static string RoundTrip(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return !double.IsFinite(value) || double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == value
            ? text : value.ToString("G17", CultureInfo.InvariantCulture);
    }

    /// <summary><see cref="RoundTrip(double)"/> for single precision (9 digits where <c>R</c> misses).</summary>
    public static string RoundTrip(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return !float.IsFinite(value) || float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == value
            ? text : value.ToString("G9", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool Equals(OptimizerSpec? other) => other is not null && Name == other.Name && Values.SequenceEqual(other.Values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OptimizerSpec);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Values.Count);
}
