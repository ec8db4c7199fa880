using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// torch.optim.Rprop's step (1.13, single tensor), with <c>q = g·prev</c>:
/// <c>s ← clamp(s·(η+ if q &gt; 0, η− if q &lt; 0, else 1), step_min, step_max) ;  g ← 0 where q &lt; 0 ;
/// p ← p − sign(g)·s ;  prev ← g</c>. <c>sign</c> is torch's (0 for NaN and ±0), so a NaN product counts as 0.
/// </summary>
public readonly struct RpropUpdate<T>(T etaMinus, T etaPlus, T stepMin, T stepMax) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV prev, ref TV step) where TV : struct, ILanes<TV, T>
    {
        TV zero = TV.Broadcast(T.Zero), one = TV.Broadcast(T.One);
        TV q = g * prev;
        TV factor = TV.Select(0, q, zero, TV.Broadcast(etaPlus), TV.Select(1, q, zero, TV.Broadcast(etaMinus), one));
        // clamp_(min, max) is min(max(x, min), max).
        step = TV.Min(TV.Max(step * factor, TV.Broadcast(stepMin)), TV.Broadcast(stepMax));
        TV kept = TV.Select(1, q, zero, zero, g);
        TV sign = TV.Select(0, kept, zero, one, TV.Select(1, kept, zero, -one, zero));
        // addcmul_(sign, s, value=-1): the product is exact, one rounding in the sum.
        p = TV.FusedMultiplyAdd(-sign, step, p);
        prev = kept;
    }
}
