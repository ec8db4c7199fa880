using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Lasagne's <c>adadelta</c> in its own order: <c>r ← ρ·r + (1−ρ)·g² ;  Δ = g·√(s + eps)/√(r + eps) ;  p ← p − lr·Δ ;
/// s ← ρ·s + (1−ρ)·Δ²</c>.
/// </summary>
public readonly struct AdadeltaLasagneUpdate<T>(T lr, T rho, T oneMinusRho, T eps) : IUpdate2<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV r, ref TV s) where TV : struct, ILanes<TV, T>
    {
        r = rho * r + oneMinusRho * (g * g);
        TV delta = g * TV.Sqrt(s + eps) / TV.Sqrt(r + eps);
        p -= lr * delta;
        s = rho * s + oneMinusRho * (delta * delta);
    }
}
