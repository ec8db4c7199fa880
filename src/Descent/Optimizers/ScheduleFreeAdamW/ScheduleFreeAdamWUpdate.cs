using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Clipping comes first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.) One step of AdamWScheduleFree
/// (schedule_free 1.4.1, its per-tensor loop) on the parameter <c>y</c>, the base sequence <c>z</c> and the
/// squared-gradient average <c>v</c>, each torch operation rounded as torch 1.13's CPU kernels round it:
/// <code>
/// z ← y                                   first step only (torch.clone(p))
/// v ← fma((1−β2)·g, g, β2·v)               exp_avg_sq.mul_(β2).addcmul_(g, g, value=1−β2)
/// u = g / (√(v/bc2) + eps)                 exp_avg_sq.div(bc2).sqrt_().add_(eps); grad.div_(denom)
/// u ← fma(wd, y, u)                        when wd ≠ 0
/// y ← lerp(y, z, c)                        y.lerp_(z, c)
/// y ← fma(a, u, y) ;  z ← fma(−lr, u, z)   a = lr·(β1·(1−c) − 1)
/// </code>
/// </summary>
public readonly struct ScheduleFreeAdamWUpdate<T>(T beta2, T oneMinusBeta2, T bc2, T eps, T wd, T c, T a, T lr, bool first) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV y, TV g, ref TV z, ref TV v) where TV : struct, ILanes<TV, T>
    {
        if (first) z = y;
        v = TV.FusedMultiplyAdd(g * oneMinusBeta2, g, v * beta2);
        TV u = g / (TV.Sqrt(v / bc2) + eps);
        if (wd != T.Zero) u = TV.FusedMultiplyAdd(y, wd, u);
        y = Lerp(y, z, c);
        y = TV.FusedMultiplyAdd(u, a, y);
        z = TV.FusedMultiplyAdd(u, -lr, z);
    }

    /// <summary>
    /// torch 1.13's <c>lerp</c> on its CPU kernels: <c>fma(w, b − a, a)</c> for <c>|w| &lt; 0.5</c>, else
    /// <c>fma(a − b, 1 − w, b)</c>, so that the end the weight is close to comes out exactly.
    /// </summary>
    public static TV Lerp<TV>(TV a, TV b, T w) where TV : struct, ILanes<TV, T> =>
        T.Abs(w) < T.CreateTruncating(0.5) ? TV.FusedMultiplyAdd(b - a, w, a) : TV.FusedMultiplyAdd(a - b, T.One - w, b);
}
