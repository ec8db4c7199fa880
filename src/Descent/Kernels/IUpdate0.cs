namespace Descent.Kernels;

/// <summary>A fused in-place update that reads a gradient and keeps no state: <c>p ← f(p, g)</c>.</summary>
/// <remarks>
/// Kernel operators are small <c>readonly struct</c>s holding the per-step scalars (bias corrections,
/// the scheduled learning rate), computed once outside the loop. <see cref="UpdateLoop"/> drives them
/// over a span; the JIT inlines the body. Vector bodies join the scalar body here; the scalar body is
/// the reference that every vector width must reproduce bit for bit.
/// </remarks>
public interface IUpdate0<T> where T : unmanaged
{
    /// <summary>Updates one parameter.</summary>
    void Apply(ref T p, T g);
}
