using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Plain gradient descent, <c>p ← p − lr·(g + wd·p)</c> (the decay term only when wd ≠ 0, as PyTorch).</summary>
public readonly struct SgdUpdate<T>(T lr, T wd) : IUpdate0<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // PyTorch skips the decay term when wd = 0, so an infinite p does not turn the gradient into NaN (0·∞).
    private readonly bool _decay = wd != T.Zero;

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g) where TV : struct, ILanes<TV, T>
    {
        if (_decay) g += wd * p;
        p -= lr * g;
    }
}
