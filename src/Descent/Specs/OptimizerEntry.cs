namespace Descent.Specs;

/// <summary>
/// One rule in <see cref="OptimizerCatalog"/>: its name, a summary, the conventions that define it,
/// its defaults per convention and the keys its spec accepts.
/// </summary>
public sealed class OptimizerEntry(string name, string summary, Func<Convention, OptimizerOptions> defaults, IReadOnlyList<Convention> definedIn, IReadOnlyList<SpecKey> keys)
{
    /// <summary>The name in specs (<c>adam</c>).</summary>
    public string Name { get; } = name;

    /// <summary>A one-line description.</summary>
    public string Summary { get; } = summary;

    /// <summary>The conventions with a formula of their own; others use PyTorch's, except <c>keras</c> (see <see cref="Has"/>; design/CONVENTIONS.md).</summary>
    public IReadOnlyList<Convention> DefinedIn { get; } = definedIn;

    /// <summary>Every key, with the conventions where it exists (a <see cref="Wrapper"/>'s own keys only).</summary>
    public IReadOnlyList<SpecKey> Keys => field ??= Wrapper ? [.. keys] : [SpecKey.LearningRate, .. keys, .. SharedKeys ?? SpecKey.Shared];

    /// <summary>
    /// The shared keys after the rule's own, when the rule has only some of <see cref="SpecKey.Shared"/> (lbfgs, like
    /// torch's, has no weight decay and no clipping); null for all of them.
    /// </summary>
    public IReadOnlyList<SpecKey>? SharedKeys { get; init; }

    /// <summary>
    /// True for a rule that wraps another (lookahead): the learning rate, weight decay, schedule and clipping are the
    /// inner rule's keys, so the wrapper has none of them.
    /// </summary>
    public bool Wrapper { get; init; }

    /// <summary>
    /// Specs that show this rule at its best on named landscapes, by function name (<c>rosenbrock</c> →
    /// <c>adam(lr=0.2)</c>), read under the pytorch convention: the classics figures take each rule's own.
    /// A landscape not listed shows the rule at its defaults (<see cref="ShowcaseSpec"/>). Every spec must
    /// name this rule; <see cref="OptimizerCatalog.Register"/> checks that it parses.
    /// </summary>
    public IReadOnlyDictionary<string, string> Showcase { get; init; } = new Dictionary<string, string>();

    /// <summary>The spec that shows this rule on the landscape <paramref name="function"/>: its <see cref="Showcase"/> entry, or its name alone (the defaults).</summary>
    public string ShowcaseSpec(string function) => Showcase.TryGetValue(function, out string? spec) ? spec : Name;

    /// <summary>
    /// Whether a formula runs when <paramref name="convention"/> is asked for: always for the lecture's, Lasagne's and
    /// PyTorch's conventions (a rule one of them lacks runs PyTorch's formula), but under <c>keras</c> only the rules
    /// Keras has: a user who asks for Keras wants Keras's numbers, and no other library's formula gives them.
    /// </summary>
    public bool Has(Convention convention) => convention != Convention.Keras || DefinedIn.Contains(convention);

    /// <summary>The convention whose formula runs when <paramref name="convention"/> is asked for.</summary>
    /// <exception cref="SpecException">The rule has no formula under <paramref name="convention"/> (<see cref="Has"/>); the message lists the rules that do.</exception>
    public Convention Effective(Convention convention)
    {
        if (!Has(convention)) throw OptimizerCatalog.NoFormula(Name, convention);
        return DefinedIn.Contains(convention) ? convention : DefinedIn.Contains(Convention.PyTorch) ? Convention.PyTorch : DefinedIn[0];
    }

    /// <summary>The defaults that apply under <paramref name="convention"/>.</summary>
    public OptimizerOptions Defaults(Convention convention) => defaults(Effective(convention));

    /// <summary>The keys valid under <paramref name="convention"/>.</summary>
    public IEnumerable<SpecKey> KeysIn(Convention convention) => Keys.Where(k => k.ExistsIn(Effective(convention)));
}
