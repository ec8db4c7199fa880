using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// torch.optim.ASGD's step (1.13, single tensor): <c>p ← p·(1 − λ·η) ;  p ← p − η·g</c> (torch's
/// <c>add_(g, alpha=−η)</c>, one fused multiply-add), then the average <c>ax ← ax + (p − ax)·μ</c>, or
/// <c>ax ← p</c> while <c>μ = 1</c>.
/// </summary>
public readonly struct AsgdUpdate<T>(T keep, T eta, T mu, bool copy) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV ax) where TV : struct, ILanes<TV, T>
    {
        p *= keep;
        p = TV.FusedMultiplyAdd(g, -eta, p);
        ax = copy ? p : ax + (p - ax) * mu;
    }
}
