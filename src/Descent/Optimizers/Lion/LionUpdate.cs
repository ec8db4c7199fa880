using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Decoupled decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// Lion's step: <c>c ← β1·m + (1−β1)·g ;  p ← p − lr·sign(c) ;  m ← β2·m + (1−β2)·g</c>. Both averages are
/// torch's <c>mul_(β).add(g, alpha=1−β)</c>, one fused multiply-add on its CPU kernels. <c>sign</c> is torch's:
/// +0 for ±0 and 0 for NaN, so a NaN gradient leaves the parameter where it is (and the momentum NaN).
/// </summary>
public readonly struct LionUpdate<T>(T lr, T beta1, T oneMinusBeta1, T beta2, T oneMinusBeta2) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m) where TV : struct, ILanes<TV, T>
    {
        TV c = TV.FusedMultiplyAdd(g, oneMinusBeta1, m * beta1);
        TV zero = TV.Broadcast(T.Zero);
        // Comparisons with NaN are false, so NaN and ±0 both fall through to +0.
        TV sign = TV.Select(0, c, zero, TV.Broadcast(T.One), TV.Select(1, c, zero, TV.Broadcast(-T.One), zero));
        p = TV.FusedMultiplyAdd(sign, -lr, p);
        m = TV.FusedMultiplyAdd(g, oneMinusBeta2, m * beta2);
    }
}
