using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>The lecture's RMSProp: <c>E ← γ·E + (1−γ)·g·g ;  p ← p − lr/√(E + eps) · g</c>, in the lecture's order.</summary>
public readonly struct RmsPropLectureUpdate<T>(T lr, T gamma, T oneMinusGamma, T eps) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV E) where TV : struct, ILanes<TV, T>
    {
        E = gamma * E + oneMinusGamma * g * g;
        p -= lr / TV.Sqrt(E + eps) * g;
    }
}
