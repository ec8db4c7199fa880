using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Lasagne's and the lecture's Adamax: <c>m ← β1·m + (1−β1)·g ;  u ← max(β2·u, |g|) ;  p ← p − a·m/(u + eps)</c>, with
/// <c>a = lr/(1−β1^t)</c> computed once per step.
/// </summary>
public readonly struct AdamaxLasagneUpdate<T>(T a, T beta1, T oneMinusBeta1, T beta2, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV u) where TV : struct, ILanes<TV, T>
    {
        m = beta1 * m + oneMinusBeta1 * g;
        u = TV.Max(beta2 * u, TV.Abs(g));
        p -= a * m / (u + eps);
    }
}
