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

    /// <summary>The conventions with a formula of their own; others use PyTorch's (design/CONVENTIONS.md).</summary>
    public IReadOnlyList<Convention> DefinedIn { get; } = definedIn;

    /// <summary>Every key, with the conventions where it exists.</summary>
    public IReadOnlyList<SpecKey> Keys { get; } = [SpecKey.LearningRate, .. keys, .. SpecKey.Shared];

    /// <summary>The convention whose formula runs when <paramref name="convention"/> is asked for.</summary>
    public Convention Effective(Convention convention) => DefinedIn.Contains(convention) ? convention : DefinedIn.Contains(Convention.PyTorch) ? Convention.PyTorch : DefinedIn[0];

    /// <summary>The defaults that apply under <paramref name="convention"/>.</summary>
    public OptimizerOptions Defaults(Convention convention) => defaults(Effective(convention));

    /// <summary>The keys valid under <paramref name="convention"/>.</summary>
    public IEnumerable<SpecKey> KeysIn(Convention convention) => Keys.Where(k => k.ExistsIn(Effective(convention)));
}
