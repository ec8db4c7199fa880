using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Plain gradient descent, <c>p ← p − lr·g</c> (weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>). Both
/// additions are fused multiply-adds, as PyTorch's CPU kernels compute <c>add(x, alpha=a)</c>.
/// </summary>
public readonly struct SgdUpdate<T>(T lr) : IUpdate0<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _minusLr = -lr;

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g) where TV : struct, ILanes<TV, T>
    {
        p = TV.FusedMultiplyAdd(g, _minusLr, p);
    }
}
