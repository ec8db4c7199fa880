using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's <c>rmsprop</c>: <c>r ← ρ·r + (1−ρ)·g² ;  p ← p − lr·g/√(r + eps)</c>.</summary>
public readonly struct RmsPropLasagneUpdate<T>(T lr, T rho, T oneMinusRho, T eps) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV r) where TV : struct, ILanes<TV, T>
    {
        r = rho * r + oneMinusRho * (g * g);
        p -= lr * g / TV.Sqrt(r + eps);
    }
}
