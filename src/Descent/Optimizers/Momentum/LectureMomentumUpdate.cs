using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>The lecture's momentum, with the learning rate inside the velocity: <c>v ← γ·v + lr·g ;  p ← p − v</c>.</summary>
public readonly struct LectureMomentumUpdate<T>(T lr, T gamma) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v) where TV : struct, ILanes<TV, T>
    {
        v = gamma * v + lr * g;
        p -= v;
    }
}
