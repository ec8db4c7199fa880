using System.Numerics;
using Descent.Kernels;

namespace Descent.Lab.Tests.Registry;

/// <summary><c>p ← p − lr·sign(g)</c>; sign(g) as g scaled far past ±1 and clamped, so 0 stays 0.</summary>
public readonly struct SignUpdate<T>(T lr) : IUpdate0<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Huge = T.CreateTruncating(1e30), One = T.One;

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g) where TV : struct, ILanes<TV, T>
    {
        TV sign = TV.Min(TV.Max(g * Huge, TV.Broadcast(-One)), TV.Broadcast(One));
        p -= lr * sign;
    }
}
