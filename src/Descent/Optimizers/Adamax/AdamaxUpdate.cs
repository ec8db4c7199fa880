using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// PyTorch's Adamax: <c>m ← β1·m + (1−β1)·g ;  u ← max(β2·u, |g| + eps) ;  p ← p − a·m/u</c>, with
/// <c>a = lr/(1−β1^t)</c> computed once per step. The L2 term and the average are fused multiply-adds, as PyTorch's
/// CPU kernels compute <c>add(alpha=…)</c>.
/// </summary>
public readonly struct AdamaxUpdate<T>(T a, T beta1, T oneMinusBeta1, T beta2, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV u) where TV : struct, ILanes<TV, T>
    {
        m = TV.FusedMultiplyAdd(g, oneMinusBeta1, m * beta1);
        // T.Max returns NaN when either side is NaN, as torch.amax does.
        u = TV.Max(u * beta2, TV.Abs(g) + eps);
        p -= a * m / u;
    }
}
