using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// PyTorch's SGD with momentum: <c>b ← g</c> on the first step, else <c>b ← μ·b + (1 − τ)·g</c>;
/// <c>p ← p − lr·(nesterov ? g + μ·b : b)</c>. <paramref name="first"/> is whether the buffer is new.
/// </summary>
public readonly struct SgdMomentumUpdate<T>(T lr, T wd, T mu, T oneMinusDampening, bool nesterov, bool first) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool _decay = wd != T.Zero;

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV b) where TV : struct, ILanes<TV, T>
    {
        if (_decay) g += wd * p;
        b = first ? g : b * mu + oneMinusDampening * g;
        TV d = nesterov ? g + mu * b : b;
        p -= lr * d;
    }
}
