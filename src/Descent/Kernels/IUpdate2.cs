using System.Numerics;

namespace Descent.Kernels;

/// <summary>A fused in-place update with two state buffers: <c>(p, s1, s2) ← f(p, g, s1, s2)</c>.</summary>
public interface IUpdate2<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates one parameter and its state, or <c>TV.Count</c> of them at once.</summary>
    void Apply<TV>(ref TV p, TV g, ref TV s1, ref TV s2) where TV : struct, ILanes<TV, T>;
}
