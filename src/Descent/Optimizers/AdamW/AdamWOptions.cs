using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Options of AdamW (<c>adamw</c>): Adam with decoupled weight decay, <c>p ← p·(1 − lr·wd)</c> before the
/// Adam step (Loshchilov &amp; Hutter, 2019) — the same as <c>adam(decoupled_weight_decay=true)</c>, with
/// PyTorch's AdamW default <c>weight_decay = 1e-2</c>. Under <c>keras</c> it is Keras's <c>AdamW</c>: its Adam after
/// <c>p ← p − (p·wd)·lr</c>, <c>weight_decay = 0.004</c>, eps 1e-7. The lecture and Lasagne do not define it and use PyTorch's.
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

    /// <summary>The defaults of <paramref name="convention"/>: Keras's under keras, else PyTorch's.</summary>
    public static new AdamWOptions For(Convention convention) => convention == Convention.Keras
        ? new() { Convention = convention, WeightDecay = 0.004, Epsilon = 1e-7 }
        : new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        foreach (var problem in base.ValidateRule()) yield return problem;
        if (Convention is not (Convention.PyTorch or Convention.Keras)) yield return "adamw exists only in the pytorch and keras conventions (use adam(decoupled_weight_decay=true) in the others)";
    }
}
