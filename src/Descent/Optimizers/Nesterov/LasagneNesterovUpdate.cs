using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Lasagne's <c>apply_nesterov_momentum</c> in its own order of operations:
/// <c>u = p − lr·g ;  x = μ·v + u − p ;  v ← x ;  p ← μ·x + u</c>.
/// </summary>
public readonly struct LasagneNesterovUpdate<T>(T lr, T mu) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v) where TV : struct, ILanes<TV, T>
    {
        TV u = p - lr * g;
        TV x = mu * v + u - p;
        v = x;
        p = mu * x + u;
    }
}
