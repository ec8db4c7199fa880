using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Keras's <c>SGD</c> with momentum, in its order: <c>v ← v·μ − g·lr ;  p ← p + v</c>; with Nesterov
/// <c>p ← p + (v·μ − g·lr)</c>, the new velocity's terms recomputed as Keras recomputes them.
/// </summary>
public readonly struct SgdKerasMomentumUpdate<T>(T lr, T mu, bool nesterov) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v) where TV : struct, ILanes<TV, T>
    {
        v = v * mu - g * lr;
        p += nesterov ? v * mu - g * lr : v;
    }
}
