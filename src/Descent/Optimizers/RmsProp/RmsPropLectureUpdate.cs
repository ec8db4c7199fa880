using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>The lecture's RMSProp: <c>E ← γ·E + (1−γ)·g·g ;  p ← p − lr/√(E + eps) · g</c>, in the lecture's order.</summary>
public readonly struct RmsPropLectureUpdate<T>(T lr, T gamma, T oneMinusGamma, T eps) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T E)
    {
        E = gamma * E + oneMinusGamma * g * g;
        p -= lr / T.Sqrt(E + eps) * g;
    }
}
