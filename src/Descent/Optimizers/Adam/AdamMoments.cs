using System.Numerics;
using Descent.Kernels;
using System.Runtime.CompilerServices;

namespace Descent.Optimizers;

/// <summary>The moment averages every Adam variant shares: <c>m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g·g</c>.</summary>
public readonly struct AdamMoments<T>(T beta1, T oneMinusBeta1, T beta2, T oneMinusBeta2) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates both moments in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<TV>(TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        m = m * beta1 + oneMinusBeta1 * g;
        v = v * beta2 + oneMinusBeta2 * g * g;
    }
}
