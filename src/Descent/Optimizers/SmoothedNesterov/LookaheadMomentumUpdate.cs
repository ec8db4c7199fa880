using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// The velocity update of the lecture's look-ahead momentum from the sum <c>s</c> of the <c>K</c>
/// look-ahead gradients: <c>v ← γ·v + lr·s / K ;  p ← p − v</c> (the lecture's <c>lr·(l4+l3+l2+l1)/4</c>).
/// </summary>
public readonly struct LookaheadMomentumUpdate<T>(T lr, T gamma, T points) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV s, ref TV v) where TV : struct, ILanes<TV, T>
    {
        v = gamma * v + lr * s / points;
        p -= v;
    }
}
