using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Keras's <c>Adamax</c> in its order: <c>m ← m + (g − m)·(1−β1) ;  u ← max(β2·u, |g|) ;  p ← p − (lr·m)/(bc1·(u + eps))</c>
/// with <c>bc1 = 1 − β1^t</c>.
/// </summary>
public readonly struct AdamaxKerasUpdate<T>(T lr, T bc1, T oneMinusBeta1, T beta2, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV u) where TV : struct, ILanes<TV, T>
    {
        m += (g - m) * oneMinusBeta1;
        u = TV.Max(beta2 * u, TV.Abs(g));
        p -= lr * m / (bc1 * (u + eps));
    }
}
