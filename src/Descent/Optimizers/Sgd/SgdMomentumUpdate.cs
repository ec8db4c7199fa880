using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// PyTorch's SGD with momentum: <c>b ← g</c> on the first step, else <c>b ← μ·b + (1 − τ)·g</c>;
/// <c>p ← p − lr·(nesterov ? g + μ·b : b)</c>. <paramref name="first"/> is whether the buffer is new. Each
/// <c>add(x, alpha=a)</c> of PyTorch is a fused multiply-add, as its CPU kernels compute it.
/// </summary>
public readonly struct SgdMomentumUpdate<T>(T lr, T mu, T oneMinusDampening, bool nesterov, bool first) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _minusLr = -lr;

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV b) where TV : struct, ILanes<TV, T>
    {
        b = first ? g : TV.FusedMultiplyAdd(g, oneMinusDampening, b * mu);
        TV d = nesterov ? TV.FusedMultiplyAdd(b, mu, g) : b;
        p = TV.FusedMultiplyAdd(d, _minusLr, p);
    }
}
