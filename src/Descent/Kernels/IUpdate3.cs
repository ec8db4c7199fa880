using System.Numerics;

namespace Descent.Kernels;

/// <summary>A fused in-place update with three state buffers.</summary>
public interface IUpdate3<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates one parameter and its state, or <c>TV.Count</c> of them at once.</summary>
    void Apply<TV>(ref TV p, TV g, ref TV s1, ref TV s2, ref TV s3) where TV : struct, ILanes<TV, T>;
}
