using System.Numerics;

namespace Descent.Kernels;

/// <summary>A fused in-place update with one state buffer: <c>(p, s) ← f(p, g, s)</c>.</summary>
public interface IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates one parameter and its state, or <c>TV.Count</c> of them at once.</summary>
    void Apply<TV>(ref TV p, TV g, ref TV s) where TV : struct, ILanes<TV, T>;
}
