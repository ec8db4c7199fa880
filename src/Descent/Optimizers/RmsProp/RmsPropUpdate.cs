using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's RMSprop without momentum or centering: <c>p ← p − lr·g/(√v + eps)</c>.</summary>
public readonly struct RmsPropUpdate<T>(RmsPropAverages<T> avg, T lr) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T v)
    {
        avg.Prepare(p, ref g, ref v);
        p -= lr * g / avg.Denominator(v);
    }
}
