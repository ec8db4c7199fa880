using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's RMSprop with momentum: <c>b ← μ·b + g/(√v + eps) ;  p ← p − lr·b</c>.</summary>
public readonly struct RmsPropMomentumUpdate<T>(RmsPropAverages<T> avg, T lr, T mu) : IUpdate2<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v, ref TV b) where TV : struct, ILanes<TV, T>
    {
        avg.Prepare(p, ref g, ref v);
        b = b * mu + g / avg.Denominator(v);
        // param.add_(buf, alpha=−lr), one rounding as in PyTorch's CPU kernel.
        p = TV.FusedMultiplyAdd(b, -lr, p);
    }
}
