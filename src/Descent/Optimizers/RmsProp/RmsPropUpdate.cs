using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's RMSprop without momentum or centering: <c>p ← p − lr·g/(√v + eps)</c>.</summary>
public readonly struct RmsPropUpdate<T>(RmsPropAverages<T> avg, T lr) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v) where TV : struct, ILanes<TV, T>
    {
        avg.Prepare(p, ref g, ref v);
        p -= lr * g / avg.Denominator(v);
    }
}
