using System.Globalization;

namespace Descent.Specs;

/// <summary>
/// One key of an optimizer spec: how to read it into an options record and print it back, and in which
/// conventions it exists.
/// </summary>
public sealed class SpecKey
{
    private readonly Func<OptimizerOptions, string, OptimizerOptions> _set;
    private readonly Func<OptimizerOptions, string> _get;

    private SpecKey(string name, string kind, Func<OptimizerOptions, string> get, Func<OptimizerOptions, string, OptimizerOptions> set, Convention[]? onlyIn,
        string? unset = null)
    {
        Unset = unset;
        Name = name;
        Kind = kind;
        _get = get;
        _set = set;
        OnlyIn = onlyIn;
    }

    /// <summary>The key as written in specs (<c>lr</c>, <c>beta1</c>).</summary>
    public string Name { get; }

    /// <summary>What the value is: <c>number</c>, <c>integer</c>, <c>true|false</c>, the list of words joined by <c>|</c>, <c>number or none</c> or <c>schedule spec</c>.</summary>
    public string Kind { get; }

    /// <summary>The conventions where the key exists, or null for all.</summary>
    public IReadOnlyList<Convention>? OnlyIn { get; }

    /// <summary>
    /// The text of the key's "not in use" value (<c>none</c>, <c>false</c>) for keys every rule shares;
    /// a full description leaves such a key out at that value. Null for a rule's own keys.
    /// </summary>
    public string? Unset { get; }

    /// <summary>
    /// True for a key whose value may be written first without its name (lookahead's inner rule:
    /// <c>lookahead(adam(lr=0.1), k=5)</c>); a full description writes it that way.
    /// </summary>
    public bool Positional { get; private init; }

    /// <summary>
    /// A key whose value is a whole optimizer spec (a wrapper's inner rule), read under the convention of the options it
    /// is set on and written back in full (<see cref="OptimizerCatalog.Describe"/>); positional.
    /// </summary>
    public static SpecKey Optimizer<TOptions>(string name, Func<TOptions, OptimizerOptions> get, Func<TOptions, OptimizerOptions, TOptions> set)
        where TOptions : OptimizerOptions =>
        new(name, "optimizer spec", o => OptimizerCatalog.Describe(get((TOptions)o)).ToString(),
            (o, text) => set((TOptions)o, OptimizerCatalog.Resolve(text, o.Convention)), null) { Positional = true };

    /// <summary>The keys every rule has, in every convention (<c>lr</c> first, the rest after the rule's own keys).</summary>
    public static SpecKey LearningRate { get; } = Number<OptimizerOptions>("lr", o => o.LearningRate, (o, v) => o with { LearningRate = v });

    /// <summary>weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value.</summary>
    public static IReadOnlyList<SpecKey> Shared { get; } =
    [
        Number<OptimizerOptions>("weight_decay", o => o.WeightDecay, (o, v) => o with { WeightDecay = v }),
        new("decoupled_weight_decay", "true|false", o => o.DecoupledWeightDecay ? "true" : "false",
            (o, text) => o with { DecoupledWeightDecay = ParseBoolean("decoupled_weight_decay", text) },
            // Keras's weight_decay is always decoupled: there is nothing to choose.
            [Convention.PyTorch, Convention.Lasagne, Convention.Lecture], "false"),
        new("schedule", "schedule spec", o => o.Schedule is null ? "none" : Schedules.ScheduleCatalog.Describe(o.Schedule),
            (o, text) => o with { Schedule = text.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Schedules.ScheduleCatalog.Resolve(text) }, null, "none"),
        new("clip_norm", "number or none", o => o.ClipNorm is { } c ? OptimizerSpec.FormatNumber(c) : "none",
            (o, text) => o with { ClipNorm = text.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ParseNumber("clip_norm", text) }, null, "none"),
        new("clip_value", "number or none", o => o.ClipValue is { } c ? OptimizerSpec.FormatNumber(c) : "none",
            (o, text) => o with { ClipValue = text.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ParseNumber("clip_value", text) }, null, "none"),
    ];

    private static bool ParseBoolean(string name, string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new SpecException($"{name}={text} is not a boolean; valid: true, false."),
    };

    /// <summary>Whether the key exists under <paramref name="convention"/>.</summary>
    public bool ExistsIn(Convention convention) => OnlyIn is null || OnlyIn.Contains(convention);

    /// <summary>The value held by <paramref name="options"/>, printed.</summary>
    public string Get(OptimizerOptions options) => _get(options);

    /// <summary>Returns <paramref name="options"/> with this key set from <paramref name="text"/>.</summary>
    public OptimizerOptions Set(OptimizerOptions options, string text) => _set(options, text);

    /// <summary>A real-valued key.</summary>
    public static SpecKey Number<TOptions>(string name, Func<TOptions, double> get, Func<TOptions, double, TOptions> set, params Convention[] onlyIn)
        where TOptions : OptimizerOptions =>
        new(name, "number", o => OptimizerSpec.FormatNumber(get((TOptions)o)), (o, text) => set((TOptions)o, ParseNumber(name, text)), onlyIn.Length == 0 ? null : onlyIn);

    /// <summary>An integer key.</summary>
    public static SpecKey Integer<TOptions>(string name, Func<TOptions, int> get, Func<TOptions, int, TOptions> set, params Convention[] onlyIn)
        where TOptions : OptimizerOptions =>
        new(name, "integer", o => get((TOptions)o).ToString(CultureInfo.InvariantCulture), (o, text) =>
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                throw new SpecException($"{name}={OptimizerSpec.Quote(text)} is not an integer.");
            return set((TOptions)o, v);
        }, onlyIn.Length == 0 ? null : onlyIn);

    /// <summary>An integer key that may be <c>none</c>: a default derived from other keys (lbfgs's <c>max_eval</c>).</summary>
    public static SpecKey OptionalInteger<TOptions>(string name, Func<TOptions, int?> get, Func<TOptions, int?, TOptions> set)
        where TOptions : OptimizerOptions =>
        new(name, "integer or none", o => get((TOptions)o) is int v ? v.ToString(CultureInfo.InvariantCulture) : "none", (o, text) =>
        {
            if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return set((TOptions)o, null);
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                throw new SpecException($"{name}={OptimizerSpec.Quote(text)} is not an integer or none.");
            return set((TOptions)o, v);
        }, null);

    /// <summary>A true/false key.</summary>
    public static SpecKey Boolean<TOptions>(string name, Func<TOptions, bool> get, Func<TOptions, bool, TOptions> set, params Convention[] onlyIn)
        where TOptions : OptimizerOptions =>
        new(name, "true|false", o => get((TOptions)o) ? "true" : "false", (o, text) => text.ToLowerInvariant() switch
        {
            "true" or "1" => set((TOptions)o, true),
            "false" or "0" => set((TOptions)o, false),
            _ => throw new SpecException($"{name}={OptimizerSpec.Quote(text)} is not a boolean; valid: true, false."),
        }, onlyIn.Length == 0 ? null : onlyIn);

    /// <summary>A key whose value is one of <paramref name="words"/>.</summary>
    public static SpecKey Choice<TOptions>(string name, string[] words, Func<TOptions, string> get, Func<TOptions, string, TOptions> set, params Convention[] onlyIn)
        where TOptions : OptimizerOptions =>
        new(name, string.Join('|', words), o => get((TOptions)o), (o, text) =>
        {
            string w = text.ToLowerInvariant();
            if (!words.Contains(w)) throw new SpecException($"{name}={OptimizerSpec.Quote(text)} is not valid; valid: {string.Join(", ", words)}.");
            return set((TOptions)o, w);
        }, onlyIn.Length == 0 ? null : onlyIn);

    /// <summary>
    /// A finite number. <c>inf</c>, <c>Infinity</c>, <c>NaN</c> and <c>1e309</c> (which overflows to ∞) get
    /// the same answer: no rule runs with a non-finite hyperparameter, however the text spells it.
    /// </summary>
    internal static double ParseNumber(string name, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new SpecException($"{name}={OptimizerSpec.Quote(text)} is not a number (finite values only, e.g. {name}=0.001 or {name}=1e-3).");
        return v;
    }
}
