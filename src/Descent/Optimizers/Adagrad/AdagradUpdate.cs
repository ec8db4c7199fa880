using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// PyTorch's Adagrad: <c>g ← g + wd·p ;  G ← G + g² ;  p ← p − clr·g/(√G + eps)</c>, eps outside the root and
/// <c>clr = lr/(1 + (t−1)·lr_decay)</c> computed once per step. The L2 term and the accumulation are fused
/// multiply-adds, as PyTorch's CPU kernels compute <c>add(p, alpha=wd)</c> and <c>addcmul_(g, g)</c>.
/// </summary>
public readonly struct AdagradUpdate<T>(T clr, T eps) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV G) where TV : struct, ILanes<TV, T>
    {
        G = TV.FusedMultiplyAdd(g, g, G);
        p -= clr * g / (TV.Sqrt(G) + eps);
    }
}
