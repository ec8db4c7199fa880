using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Descent.Optimizers;
using Descent.Specs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// Property tests of the spec language (docs/fuzzing.md): any text either resolves or is refused with a
/// one-line <see cref="SpecException"/>, in bounded time and memory, and printing a parsed spec parses
/// back to the same spec. CI runs CsCheck's default 100 cases per property; <c>CsCheck_Iter</c> and
/// <c>CsCheck_Time</c> run them longer (docs/fuzzing.md).
/// </summary>
public sealed class SpecPropertyTests(ITestOutputHelper output)
{

    /// <summary>
    /// What one case may take, in wall-clock time. Parsing a spec of at most <see cref="OptimizerSpec.MaxLength"/>
    /// characters takes microseconds; the margin is for a shared CI machine (a load of 30 on 2 cores has been
    /// seen), so that the limit catches only a loop that does not end or work that grows with a number in the
    /// text. The allocation budget, which does not depend on the machine, is the tight guard.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>The bytes one case may allocate: a few copies of the text, never anything it asks for.</summary>
    private static long MemoryBudget(string text) => 256 * 1024 + 64L * text.Length;

    // ---- generators ----

    private static readonly Gen<string> Names = Gen.OneOf(
        Gen.OneOf([.. OptimizerCatalog.Names, "ADAM", " Adam ", "RMSprop", "smoothed_nesterov", "adam2", "", "-", "é", "adam\u0000"]),
        Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_ ()=,"].Array[0, 12].Select(a => new string(a)));

    private static readonly string[] AllKeys =
        [.. OptimizerCatalog.Entries.SelectMany(e => e.Keys).Select(k => k.Name).Distinct(), "alpha", "ALPHA", "Lr", "foo", "", " ", "lr lr"];

    /// <summary>Number texts, including the spellings of huge, tiny and non-finite values.</summary>
    private static readonly Gen<string> Numbers = Gen.OneOf(
        Gen.OneOf("0", "1", "-1", "+1", ".5", "5.", "1e-3", "2.5E+1", "1e309", "-1e309", "1e-400", "4.9e-324", "1.7976931348623157e308",
            "NaN", "nan", "inf", "-inf", "Infinity", "-Infinity", "+Infinity", "∞", "0x10", "1_000", "1,5", "1.2.3", "--1", "1e", "e5",
            "2147483647", "2147483648", "-2147483648", "99999999999999999999", "true", "FALSE", "abs", "squares", "0.9x", "１"),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[0, 1].Select(OptimizerSpec.FormatNumber));

    private static readonly Gen<string> Pairs =
        Gen.Select(Gen.OneOf(AllKeys), Numbers, Gen.OneOf("=", " = ", "==", "", ":"), (k, v, eq) => k + eq + v)
            .Array[0, 6].Select(Gen.OneOf(",", ", ", " ,"), (a, separator) => string.Join(separator, a));

    /// <summary>Text shaped like a spec: a name, maybe parentheses (balanced or not), pairs inside.</summary>
    private static readonly Gen<string> Structured =
        Gen.Select(Names, Gen.OneOf("(", "((", "", " ( ", ")"), Pairs, Gen.OneOf(")", "", "))", ") ", ")x", "(", ")("),
            (name, open, pairs, close) => name + open + pairs + close);

    /// <summary>Structured text with a few characters changed, inserted or deleted anywhere.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(Structured, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Char).Array[1, 4], (text, edits) =>
        {
            var s = new System.Text.StringBuilder(text);
            foreach (var (kind, at, c) in edits)
            {
                int i = s.Length == 0 ? 0 : at % (s.Length + (kind == 1 ? 1 : 0));
                if (kind == 0 && s.Length > 0) s[Math.Min(i, s.Length - 1)] = c;
                else if (kind == 1) s.Insert(i, c);
                else if (s.Length > 0) s.Remove(Math.Min(i, s.Length - 1), 1);
            }
            return s.ToString();
        });

    /// <summary>Printable ASCII, control characters, line and paragraph separators, a right-to-left override.</summary>
    private static readonly Gen<string> Noise = Gen.OneOf(
        Gen.Char[' ', '~'].Array[0, 40].Select(a => new string(a)),
        Gen.Char["\0\u0001\u0007\b\t\n\v\f\r\u001b\u007f\u0085\u00a0\u2028\u2029\u202e\ufeff\ud800\udc00()=,a1"].Array[0, 20].Select(a => new string(a)),
        Gen.Char.Array[0, 30].Select(a => new string(a)));

    /// <summary>Very long texts: around <see cref="OptimizerSpec.MaxLength"/> and far beyond.</summary>
    private static readonly Gen<string> Long = Gen.Select(Gen.Int[1, 200_000], Gen.OneOf("(", ")", "a", "lr=1,", "adam(", "=", ",", " ", "\n"),
        Gen.OneOf("adam", "adam(", ""), (n, unit, prefix) =>
            prefix + string.Concat(Enumerable.Repeat(unit, Math.Max(1, Math.Min(n, 1_000_000 / unit.Length) / unit.Length)))
            + (prefix.EndsWith('(') ? ")" : ""));

    private static readonly Gen<string> AnyText = Gen.Frequency((4, Structured), (4, Mutated), (2, Noise), (1, Long));

    // ---- helpers ----

    private static Exception? Bounded(string text, long memoryBudget, Action work) => Descent.Testing.BoundedRun.Run(work, Budget, memoryBudget, Show(text));

    /// <summary>The text for a failure message: escaped, and only its start when long.</summary>
    private static string Show(string text) => $"\"{Escape(text.Length > 200 ? text[..200] : text)}\" ({text.Length} characters)";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    /// <summary>A message a user can be shown as it is: one line, no control characters, not a copy of a huge input.</summary>
    private static void AssertOneLine(string message, string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), $"empty message for {Show(text)}");
        foreach (char c in message)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            Assert.False(char.IsControl(c) || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format,
                $"message holds U+{(int)c:X4}: \"{Escape(message)}\" for {Show(text)}");
        }
        Assert.True(message.Length <= 600, $"message of {message.Length} characters for {Show(text)}");
    }

    /// <summary>Parses and resolves under every convention; any exception but a one-line <see cref="SpecException"/> fails.</summary>
    private static void ParsesOrRefuses(string text)
    {
        OptimizerSpec? spec = null;
        var errors = new List<Exception?>();
        var thrown = Bounded(text, MemoryBudget(text) * 4, () =>
        {
            try
            {
                spec = OptimizerSpec.Parse(text);
            }
            catch (SpecException e)
            {
                errors.Add(e);
                return;
            }
            foreach (var convention in OptimizerCatalog.Conventions)
            {
                try
                {
                    var options = OptimizerCatalog.Resolve(spec, convention);
                    Assert.Equal(options, OptimizerCatalog.Resolve(OptimizerCatalog.Describe(options), convention));
                }
                catch (SpecException e)
                {
                    errors.Add(e);
                }
            }
        });
        if (thrown is not null) throw new XunitException($"{thrown.GetType().Name} for {Show(text)}: {thrown}");
        foreach (var e in errors) AssertOneLine(e!.Message, text);
    }

    // ---- properties ----

    [Fact]
    public void Resolve_AnyText_ResolvesOrRefusesWithOneLineInBoundedTimeAndMemory() =>
        AnyText.Sample(ParsesOrRefuses, writeLine: output.WriteLine, print: Show);

    [Fact]
    public void Parse_AnyParsedText_PrintsToTextThatParsesToTheSameSpec() =>
        AnyText.Sample(text =>
        {
            OptimizerSpec spec;
            try
            {
                spec = OptimizerSpec.Parse(text);
            }
            catch (SpecException)
            {
                return;
            }
            string printed = spec.ToString();
            var again = OptimizerSpec.Parse(printed);
            Assert.Equal(spec, again);
            Assert.Equal(printed, again.ToString());
        }, writeLine: output.WriteLine, print: Show);

    /// <summary>A value the key accepts under every convention where it exists, in text a user might type.</summary>
    private static Gen<string> ValidValue(OptimizerEntry entry, SpecKey key)
    {
        Gen<double> range = key.Name switch
        {
            // Schedule-Free's x = lerp(y, z, 1 − 1/β1) needs β1 > 0.
            "beta1" when entry.Name == "schedule-free-adamw" => Gen.Double[0.01, 0.999],
            "beta1" or "beta2" or "rho" => Gen.Double[0, 0.999],
            "dampening" => Gen.Double[0, 1],
            "power" => Gen.Double[0.01, 4],
            "eps" => Gen.OneOf(Gen.Double[1e-12, 1e-3], Gen.Const(1e-8)),
            "momentum" when entry.Name == "nesterov" => Gen.Double[0.01, 0.99],
            // Keras checks 0 <= momentum <= 1 (its SGD, and so momentum and nesterov under keras).
            "momentum" => Gen.Double[0, 1],
            "alpha" when entry.Name == "lookahead" => Gen.Double[0, 1],
            // Rprop: 0 < eta_minus < 1 < eta_plus, step_min <= step_max.
            "eta_minus" => Gen.Double[0.01, 0.99],
            "eta_plus" => Gen.Double[1.01, 10],
            "step_min" => Gen.Double[0, 1e-3],
            "step_max" => Gen.Double[1e-3, 100],
            _ => Gen.OneOf(Gen.Double[0, 10], Gen.Const(0.0), Gen.Double[1e-9, 1e-3]),
        };
        var number = Gen.Select(range, Gen.Int[0, 3], (v, style) => style switch
        {
            0 => OptimizerSpec.FormatNumber(v),
            1 => v.ToString("E3", CultureInfo.InvariantCulture),
            2 => v.ToString("F15", CultureInfo.InvariantCulture),
            _ => "+" + v.ToString("G5", CultureInfo.InvariantCulture),
        });
        return key.Kind switch
        {
            "number" => number,
            // clip_norm and clip_value: a positive number, or none.
            "number or none" => Gen.OneOf(Gen.Double[1e-3, 10].Select(OptimizerSpec.FormatNumber), Gen.Const("none")),
            "schedule spec" => Gen.OneOf("none", "cosine(t_max=10)", "step(step_size=5, gamma=0.5)", "plateau(patience=2, per=epoch)",
                "sequential(linear(total_iters=3), exponential(gamma=0.9), milestones=[3])",
                "onecycle(max_lr=0.1, total_steps=50, cycle_momentum=false)", "multistep(milestones=[2, 2, 9])"),
            "integer" => Gen.Int[1, 64].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            // LAMB and Schedule-Free apply weight_decay their own way and refuse the decoupled mode.
            "true|false" when key.Name == "decoupled_weight_decay" && entry.Name is "lamb" or "schedule-free-adamw" => Gen.OneOf("false", "False", "0"),
            "integer or none" => Gen.OneOf(Gen.Int[1, 64].Select(i => i.ToString(CultureInfo.InvariantCulture)), Gen.Const("none")),
            // A wrapper's inner rule, with keys of its own (typed rules compile to options that never compare equal: LookaheadTests).
            "optimizer spec" => Gen.OneOf("adam(lr=0.1)", "nesterov(lr=0.01, momentum=0.9)", "momentum(lr=0.01, momentum=0.5)", "rmsprop", "lion(lr=0.001, schedule=cosine(t_max=10))",
                "lookahead(adam, k=2)"),
            "true|false" => Gen.OneOf("true", "false", "TRUE", "False", "1", "0"),
            _ => Gen.OneOf(key.Kind.Split('|')),
        };
    }

    /// <summary>One optimizer, a convention, and a subset of its keys there with valid values, in random order.</summary>
    private static readonly Gen<(OptimizerEntry Entry, Convention Convention, KeyValuePair<string, string>[] Values)> ValidSpecs =
        from entry in Gen.OneOf([.. OptimizerCatalog.Entries])
        from convention in Gen.OneOf([.. OptimizerCatalog.Conventions.Where(entry.Has)])
        let keys = entry.KeysIn(convention).Select(k => ValidValue(entry, k).Select(v => new KeyValuePair<string, string>(k.Name, v))).ToArray()
        from values in Gen.ShuffleSelect(keys, 0, keys.Length)
        select (entry, convention, Consistent(entry, values));

    /// <summary>Applies the one rule that ties keys together: Nesterov needs momentum and no dampening.</summary>
    private static KeyValuePair<string, string>[] Consistent(OptimizerEntry entry, IEnumerable<KeyValuePair<string, string>> values)
    {
        var list = values.ToList();
        // clip_norm and clip_value exclude each other.
        if (list.Any(v => v.Key == "clip_norm" && v.Value != "none")) list.RemoveAll(v => v.Key == "clip_value");
        bool nesterov = entry.Name == "sgd" && list.Any(v => v.Key == "nesterov" && v.Value is "true" or "TRUE" or "1");
        if (!nesterov && entry.Name != "nesterov") return [.. list];
        list.RemoveAll(v => v.Key == "dampening" || (entry.Name == "sgd" && v.Key == "momentum"));
        if (entry.Name == "sgd") list.Add(new("momentum", "0.5"));
        return [.. list];
    }

    [Fact]
    public void Resolve_ValidSpecOfEveryOptimizer_SetsEachValueAndRoundTrips() =>
        ValidSpecs.Sample(c =>
        {
            string text = $"{c.Entry.Name}({string.Join(", ", c.Values.Select(v => $"{v.Key}={v.Value}"))})";
            var spec = OptimizerSpec.Parse(text);
            Assert.Equal(spec, OptimizerSpec.Parse(spec.ToString()));
            var options = OptimizerCatalog.Resolve(spec, c.Convention);
            Assert.Equal(options, OptimizerCatalog.Resolve(spec.ToString(), c.Convention));
            // What a run records (every key, printed) resolves to the very same options.
            var described = OptimizerCatalog.Describe(options);
            Assert.Equal(options, OptimizerCatalog.Resolve(described.ToString(), c.Convention));
            Assert.Equal(described, OptimizerSpec.Parse(described.ToString()));
            foreach (var (key, value) in c.Values)
            {
                var specKey = c.Entry.Keys.Single(k => k.Name == key);
                if (specKey.Positional)
                {
                    // Written first without its key, in full.
                    Assert.Equal(OptimizerCatalog.Resolve(value, c.Convention), OptimizerCatalog.Resolve(described.Values[0].Value, c.Convention));
                    continue;
                }
                // A shared key at the rule's default (no schedule, no clipping, its decay mode) is left out.
                if (specKey.Unset is not null && described[key] is null)
                {
                    Assert.Equal(specKey.Get(c.Entry.Defaults(c.Convention)), specKey.Get(options));
                    continue;
                }
                string recorded = described[key] ?? throw new XunitException($"{text}: Describe lacks '{key}'.");
                var kind = specKey.Kind;
                if (kind == "schedule spec")
                    Assert.Equal(Descent.Schedules.ScheduleCatalog.Resolve(value), Descent.Schedules.ScheduleCatalog.Resolve(recorded));
                else if (kind is "number" or "number or none")
                    Assert.Equal(double.Parse(value, CultureInfo.InvariantCulture), double.Parse(recorded, CultureInfo.InvariantCulture));
                else if (kind == "true|false")
                    Assert.Equal(value.ToLowerInvariant() is "true" or "1" ? "true" : "false", recorded);
                else
                    Assert.Equal(value.ToLowerInvariant(), recorded);
            }
        }, writeLine: output.WriteLine, print: c => $"{c.Entry.Name} under {c.Convention}: {string.Join(", ", c.Values)}");

    // ---- the edges a random run may miss, pinned ----

    [Theory]
    [InlineData("adam(lr=1)\n(x)")]
    [InlineData("adam\u2028(lr=1)")]
    [InlineData("adam(lr=\u202e1)")]
    [InlineData("adam(\u0000=1)")]
    [InlineData("adam(lr=1, lr\r=2)")]
    public void Resolve_ControlCharacters_RefusedWithOneLine(string text) => ParsesOrRefuses(text);

    [Fact]
    public void Parse_TextOverTheLimit_RefusedNamingTheLimitWithoutEchoingIt()
    {
        string text = "adam(lr=" + new string('1', 100_000) + ")";
        var e = Assert.Throws<SpecException>(() => OptimizerSpec.Parse(text));
        Assert.Contains($"the limit is {OptimizerSpec.MaxLength}", e.Message);
        Assert.True(e.Message.Length < 300, e.Message);
    }

    [Fact]
    public void Parse_ManyKeys_RefusedByLengthNotByQuadraticWork()
    {
        string text = "adam(" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"k{i}=1")) + ")";
        Assert.Null(Bounded(text, MemoryBudget(text), () => Assert.Throws<SpecException>(() => OptimizerSpec.Parse(text))));
    }

    [Fact]
    public void Parse_DuplicateKeyAmongHundreds_NamedOnce()
    {
        string text = "adam(" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"k{i}=1")) + ",k7=2)";
        Assert.Contains("key 'k7' is given twice", Assert.Throws<SpecException>(() => OptimizerSpec.Parse(text)).Message);
    }
}
