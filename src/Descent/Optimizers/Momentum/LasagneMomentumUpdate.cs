using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Lasagne's <c>apply_momentum</c> in its own order of operations: <c>x = μ·v + (p − lr·g) ;  v ← x − p ;  p ← x</c>
/// (mathematically <c>v ← μ·v − lr·g ;  p ← p + v</c>).
/// </summary>
public readonly struct LasagneMomentumUpdate<T>(T lr, T mu) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v) where TV : struct, ILanes<TV, T>
    {
        TV x = mu * v + (p - lr * g);
        v = x - p;
        p = x;
    }
}
