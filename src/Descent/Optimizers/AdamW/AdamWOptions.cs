using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Options of AdamW (<c>adamw</c>): Adam with decoupled weight decay, <c>p ← p − lr·wd·p</c> before the
/// Adam step (Loshchilov &amp; Hutter, 2019). Defaults as Adam except <c>weight_decay = 1e-2</c>; every
/// convention uses PyTorch's formula, since neither the lecture nor Lasagne defines it.
/// </summary>
public sealed record AdamWOptions : AdamOptions
{
    /// <summary>PyTorch's AdamW defaults.</summary>
    public AdamWOptions() => WeightDecay = 1e-2;

    /// <inheritdoc/>
    public override string Name => "adamw";

    /// <summary>The defaults of <paramref name="convention"/> (PyTorch's, whatever the convention).</summary>
    public static new AdamWOptions For(Convention convention) => new() { Convention = convention };
}
