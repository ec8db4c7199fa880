using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's centered RMSprop (Graves, 2013): <c>ḡ ← α·ḡ + (1−α)·g ;  p ← p − lr·g/(√(v − ḡ²) + eps)</c>.</summary>
public readonly struct RmsPropCenteredUpdate<T>(RmsPropAverages<T> avg, T lr) : IUpdate2<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T v, ref T gAvg)
    {
        avg.Prepare(p, ref g, ref v);
        p -= lr * g / avg.CenteredDenominator(g, v, ref gAvg);
    }
}
