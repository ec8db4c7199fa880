using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Keras's <c>RMSprop</c> with centering or momentum, in its order (the plain rule is Lasagne's kernel,
/// <see cref="RmsPropLasagneUpdate{T}"/>, which has the same operations):
/// <code>
/// s ← ρ·s + (1−ρ)·(g·g)
/// centered:  a ← ρ·a + (1−ρ)·g ;  d = √((s − a·a) + eps)      else d = √(s + eps)
/// momentum:  b ← μ·b + (lr·g)/d ;  p ← p − b                   else p ← p − (lr·g)/d
/// </code>
/// As an <see cref="IUpdate2{T}"/> the second buffer is <c>a</c> when <paramref name="centered"/>, else <c>b</c>;
/// as an <see cref="IUpdate3{T}"/> it is centered with momentum (<c>a</c>, then <c>b</c>).
/// </summary>
public readonly struct RmsPropKerasUpdate<T>(T lr, T rho, T oneMinusRho, T eps, T mu, bool centered) : IUpdate2<T>, IUpdate3<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV s, ref TV second) where TV : struct, ILanes<TV, T>
    {
        s = rho * s + oneMinusRho * (g * g);
        if (centered)
        {
            p -= lr * g / Centered(s, g, ref second);
        }
        else
        {
            second = mu * second + lr * g / TV.Sqrt(s + eps);
            p -= second;
        }
    }

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV s, ref TV a, ref TV b) where TV : struct, ILanes<TV, T>
    {
        s = rho * s + oneMinusRho * (g * g);
        b = mu * b + lr * g / Centered(s, g, ref a);
        p -= b;
    }

    private TV Centered<TV>(TV s, TV g, ref TV a) where TV : struct, ILanes<TV, T>
    {
        a = rho * a + oneMinusRho * g;
        return TV.Sqrt(s - a * a + eps);
    }
}
