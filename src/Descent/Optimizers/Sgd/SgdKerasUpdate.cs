using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Keras's <c>SGD</c> without momentum: <c>p ← p − g·lr</c>, two roundings (no fused multiply-add).</summary>
public readonly struct SgdKerasUpdate<T>(T lr) : IUpdate0<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g) where TV : struct, ILanes<TV, T>
    {
        p -= g * lr;
    }
}
