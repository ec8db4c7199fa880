using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Keras's <c>Nadam</c> step in its order, with the schedule's scalars computed once per step:
/// <code>
/// m ← m + (g − m)·(1−β1) ;  v ← v + (g·g − v)·(1−β2)
/// m̂ = (μ_{t+1}·m)/(1 − Π_{t+1}) + ((1 − μ_t)·g)/(1 − Π_t) ;  v̂ = v/(1 − β2^t)
/// p ← p − (m̂·lr)/(√v̂ + eps)
/// </code>
/// </summary>
public readonly struct NAdamKerasUpdate<T>(T oneMinusBeta1, T oneMinusBeta2, T muNext, T oneMinusProductNext, T oneMinusMu, T oneMinusProduct,
    T bc2, T lr, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        m += (g - m) * oneMinusBeta1;
        v += (g * g - v) * oneMinusBeta2;
        TV mHat = muNext * m / oneMinusProductNext + oneMinusMu * g / oneMinusProduct;
        p -= mHat * lr / (TV.Sqrt(v / bc2) + eps);
    }
}
