using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// PyTorch's Adagrad: <c>G ← G + g² ;  p ← p − clr·g/(√G + eps)</c>, eps outside the root and
/// <c>clr = lr/(1 + (t−1)·lr_decay)</c> computed once per step. The accumulation is a fused multiply-add, as
/// PyTorch's CPU kernel computes <c>addcmul_(g, g)</c>.
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
