using System.Numerics;

namespace Descent.Kernels;

/// <summary>A fused in-place update that reads a gradient and keeps no state: <c>p ← f(p, g)</c>.</summary>
/// <remarks>
/// Kernel operators are small <c>readonly struct</c>s holding the per-step scalars (bias corrections,
/// the scheduled learning rate), computed once outside the loop. The body is written once against
/// <see cref="ILanes{TSelf, T}"/> and <see cref="UpdateLoop"/> runs it on one lane (the scalar
/// reference, also the tail) and on 128-, 256- and 512-bit registers: the same operations in the same
/// order, so every width gives the scalar reference's bits.
/// </remarks>
public interface IUpdate0<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates one parameter, or <c>TV.Count</c> of them at once.</summary>
    void Apply<TV>(ref TV p, TV g) where TV : struct, ILanes<TV, T>;
}
