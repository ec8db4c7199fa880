using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Keras's <c>Adam</c> in its order: <c>m ← m + (g − m)·(1−β1) ;  v ← v + (g·g − v)·(1−β2) ;  p ← p − (m·α)/(√v + eps)</c>
/// with <c>α = lr·√(1−β2^t)/(1−β1^t)</c> computed once per step (eps is "epsilon-hat", added to the uncorrected root).
/// As an <see cref="IUpdate3{T}"/> it is AMSGrad: <c>v̂ ← max(v̂, v)</c> replaces <c>v</c> in the denominator.
/// </summary>
public readonly struct AdamKerasUpdate<T>(T alpha, T oneMinusBeta1, T oneMinusBeta2, T eps) : IUpdate2<T>, IUpdate3<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        m += (g - m) * oneMinusBeta1;
        v += (g * g - v) * oneMinusBeta2;
        p -= m * alpha / (TV.Sqrt(v) + eps);
    }

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v, ref TV vhat) where TV : struct, ILanes<TV, T>
    {
        m += (g - m) * oneMinusBeta1;
        v += (g * g - v) * oneMinusBeta2;
        vhat = TV.Max(vhat, v);
        p -= m * alpha / (TV.Sqrt(vhat) + eps);
    }
}
