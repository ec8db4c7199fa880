using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// Adadelta as PyTorch and the lecture order it: <c>E ← ρ·E + (1−ρ)·g·g ;  Δ = √(D + eps)/√(E + eps)·g ;
/// D ← ρ·D + (1−ρ)·Δ·Δ ;  p ← p − lr·Δ</c>. With <paramref name="fused"/> (PyTorch) each <c>add(alpha=…)</c> and
/// <c>addcmul_</c> is a fused multiply-add, as PyTorch's CPU kernels compute them; the lecture's NumPy rounds each operation.
/// </summary>
public readonly struct AdadeltaUpdate<T>(T lr, T rho, T oneMinusRho, T eps, bool fused) : IUpdate2<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV E, ref TV D) where TV : struct, ILanes<TV, T>
    {
        if (fused)
        {
            E = TV.FusedMultiplyAdd(oneMinusRho * g, g, E * rho);
            TV d = TV.Sqrt(D + eps) / TV.Sqrt(E + eps) * g;
            D = TV.FusedMultiplyAdd(oneMinusRho * d, d, D * rho);
            p = TV.FusedMultiplyAdd(d, -lr, p);
            return;
        }
        E = E * rho + oneMinusRho * g * g;
        TV delta = TV.Sqrt(D + eps) / TV.Sqrt(E + eps) * g;
        D = D * rho + oneMinusRho * delta * delta;
        p -= lr * delta;
    }
}
