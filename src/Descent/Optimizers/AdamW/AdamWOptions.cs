using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Options of AdamW (<c>adamw</c>): Adam with decoupled weight decay, <c>p ← p·(1 − lr·wd)</c> before the
/// Adam step (Loshchilov &amp; Hutter, 2019) — the same as <c>adam(decoupled_weight_decay=true)</c>, with
/// PyTorch's AdamW default <c>weight_decay = 1e-2</c>. Only PyTorch defines it, so it follows PyTorch's
/// formula in every convention.
/// </summary>
public sealed record AdamWOptions : AdamOptions
{
    /// <summary>PyTorch's AdamW defaults.</summary>
    public AdamWOptions()
    {
        WeightDecay = 1e-2;
        DecoupledWeightDecay = true;
    }

    /// <inheritdoc/>
    public override string Name => "adamw";

    /// <summary>The defaults of <paramref name="convention"/> (PyTorch's, whatever the convention).</summary>
    public static new AdamWOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        foreach (var problem in base.ValidateRule()) yield return problem;
        if (Convention != Convention.PyTorch) yield return "adamw exists only in the pytorch convention (use adam(decoupled_weight_decay=true) in the others)";
    }
}
