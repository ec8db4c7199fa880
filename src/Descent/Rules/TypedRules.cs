using System.Collections.Immutable;
using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Rules;

/// <summary>
/// Typed rules in the registry: <c>rule(&lt;statements&gt; | name=value, ...)</c> as an optimizer spec, and named
/// rules (<c>myadam: rule(...)</c>) registered so that <c>myadam(lr=0.1)</c> is a spec like any other.
/// </summary>
public static class TypedRules
{
    /// <summary>The spec name of a rule typed in place: <c>rule(...)</c>.</summary>
    public const string Unnamed = "rule";

    private static readonly Convention[] All = [Convention.PyTorch, Convention.Lasagne, Convention.Lecture, Convention.Keras];

    /// <summary>The keys every rule has; after <c>|</c> they set the shared option rather than declare a name.</summary>
    private static bool IsShared(string key) => key == SpecKey.LearningRate.Name || SpecKey.Shared.Any(k => k.Name == key);

    /// <summary>
    /// The registry entry of the rule <paramref name="spec"/> defines (<c>rule(...)</c>, parsed by
    /// <see cref="OptimizerSpec.Parse"/>: its statements are the first, unnamed value), named
    /// <paramref name="name"/>. Its keys are the names after <c>|</c>; their values there are the defaults.
    /// </summary>
    public static OptimizerEntry Define(string name, OptimizerSpec spec, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Name != Unnamed || spec.Values.Count == 0 || spec.Values[0].Key.Length != 0)
            throw new SpecException($"'{OptimizerSpec.Quote(spec.ToString())}' is not a typed rule; write rule(<statements> | name=value, ...).");
        string source = spec.Values[0].Value;
        var declared = spec.Values.Skip(1).Select(v => v.Key).Where(k => !IsShared(k)).ToList();
        foreach (string readOnly in new[] { "p", "g", "t" })
            if (declared.Contains(readOnly))
                throw new SpecException($"rule: '{readOnly}' is read-only (p the parameter, g its gradient, t the step) and cannot be given after |.");
        var program = RuleProgram.Parse(source, declared);
        var values = ImmutableDictionary<string, double>.Empty;
        foreach (var (key, text) in spec.Values.Skip(1))
            if (!IsShared(key)) values = values.Add(key, SpecKey.ParseNumber(key, text));
        var ownKeys = spec.Values.Skip(1).Where(v => !IsShared(v.Key)).Select(v => v.Key)
            .Select(k => SpecKey.Number<TypedRuleOptions>(k, o => o.Values[k], (o, v) => o with { Values = o.Values.SetItem(k, v) }))
            .ToList();
        var shared = spec.Values.Skip(1).Where(v => IsShared(v.Key)).ToList();
        var entry = new OptimizerEntry(name, summary ?? $"typed rule: {OptimizerSpec.Quote(source)}", convention =>
        {
            OptimizerOptions options = new TypedRuleOptions(name, program, values) { Convention = convention };
            foreach (var (key, text) in shared) options = SharedKey(key)!.Set(options, text);
            return options;
        }, All, ownKeys);
        return entry;
    }

    private static SpecKey? SharedKey(string key) => key == SpecKey.LearningRate.Name ? SpecKey.LearningRate : SpecKey.Shared.FirstOrDefault(k => k.Name == key);

    /// <summary>
    /// Registers <paramref name="name"/> for the rule <paramref name="text"/> (<c>rule(...)</c>): afterwards
    /// <c>name(lr=0.1)</c> parses like a built-in's spec and the rule is listed with the built-ins.
    /// </summary>
    /// <remarks>
    /// Registering a name again with the same text is a no-op; with other text it replaces the earlier typed rule
    /// (a rules file edited between runs of the same process). A built-in's name is refused.
    /// </remarks>
    public static OptimizerEntry Register(string name, string text, string? summary = null)
    {
        var entry = Define(name, OptimizerSpec.Parse(text), summary);
        lock (Registered)
        {
            if (Registered.TryGetValue(entry.Name, out var known))
            {
                if (known.Text == text) return known.Entry;
                OptimizerCatalog.Replace(known.Entry, entry);
            }
            else
            {
                if (OptimizerCatalog.TryFind(entry.Name) is not null)
                    throw new SpecException($"'{entry.Name}' is already a rule's name; give your rule another name.");
                OptimizerCatalog.Register(entry);
            }
            Registered[entry.Name] = (text, entry);
        }
        return entry;
    }

    private static readonly Dictionary<string, (string Text, OptimizerEntry Entry)> Registered = [];

    /// <summary>
    /// Registers every rule of a rules file (<c>name: rule(...)</c> per line; blank lines and <c>#</c> comments are skipped); the error names the line. Returns the names.
    /// </summary>
    public static IReadOnlyList<string> RegisterAll(IEnumerable<string> lines)
    {
        var names = new List<string>();
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var (name, text) = SplitLine(line, number);
            try
            {
                Register(name, text);
            }
            catch (RuleException e)
            {
                throw new SpecException($"line {number}: {name}: {e.Reason} (column {e.Position + 1} of the statements)");
            }
            catch (SpecException e)
            {
                throw new SpecException($"line {number}: {e.Message}");
            }
            names.Add(name);
        }
        return names;
    }

    private static (string Name, string Text) SplitLine(string line, int number)
    {
        int colon = line.IndexOf(':');
        if (colon <= 0) throw new SpecException($"line {number}: expected 'name: rule(...)', got '{OptimizerSpec.Quote(line)}'.");
        return (line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
    }
}
