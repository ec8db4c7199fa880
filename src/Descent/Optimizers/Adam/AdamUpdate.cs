using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// PyTorch's Adam step: <c>m, v ;  p ← p − stepSize·m / (√v / √bc2 + eps)</c> (the order of
/// <c>addcdiv_</c>: <c>(value·m)/denom</c>; the moments fused as PyTorch's CPU kernels fuse them),
/// with <c>stepSize = lr/(1−β1^t)</c> and <c>√bc2 = √(1−β2^t)</c> computed once per step. Weight decay, L2 or
/// AdamW's decoupled <c>p ← p·(1 − lr·wd)</c>, and clipping come first, in the shared <see cref="GradientPrologue{T}"/>.
/// </summary>
public readonly struct AdamUpdate<T>(AdamMoments<T> moments, T stepSize, T bc2Sqrt, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Decay, gradient penalty and moments: everything before the denominator.</summary>
    public void Prepare<TV>(ref TV p, ref TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        moments.Apply(g, ref m, ref v);
    }

    /// <summary>The parameter step for a second moment <paramref name="v"/>.</summary>
    public TV Next<TV>(TV p, TV m, TV v) where TV : struct, ILanes<TV, T> => p - stepSize * m / (TV.Sqrt(v) / bc2Sqrt + eps);

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        Prepare(ref p, ref g, ref m, ref v);
        p = Next(p, m, v);
    }
}
