using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's <c>rmsprop</c>: <c>r ← ρ·r + (1−ρ)·g² ;  p ← p − lr·g/√(r + eps)</c>.</summary>
public readonly struct RmsPropLasagneUpdate<T>(T lr, T rho, T oneMinusRho, T eps) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T r)
    {
        r = rho * r + oneMinusRho * (g * g);
        p -= lr * g / T.Sqrt(r + eps);
    }
}
