using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's centered RMSprop (Graves, 2013): <c>ḡ ← α·ḡ + (1−α)·g ;  p ← p − lr·g/(√(v − ḡ²) + eps)</c>.</summary>
public readonly struct RmsPropCenteredUpdate<T>(RmsPropAverages<T> avg, T lr) : IUpdate2<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV v, ref TV gAvg) where TV : struct, ILanes<TV, T>
    {
        avg.Prepare(p, ref g, ref v);
        p -= lr * g / avg.CenteredDenominator(g, v, ref gAvg);
    }
}
