using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Keras's <c>Lion</c> in its order: <c>p ← p − lr·sign(m·β1 + g·(1−β1)) ;  m ← m·β2 + g·(1−β2)</c>, every operation
/// rounded on its own. <c>sign</c> is 0 at ±0 and NaN at NaN, as <c>ops.sign</c>.
/// </summary>
public readonly struct LionKerasUpdate<T>(T lr, T beta1, T oneMinusBeta1, T beta2, T oneMinusBeta2) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m) where TV : struct, ILanes<TV, T>
    {
        TV c = m * beta1 + g * oneMinusBeta1;
        TV zero = TV.Broadcast(T.Zero);
        // c·0 keeps ±0 at ±0 and NaN at NaN where neither comparison holds.
        TV sign = TV.Select(0, c, zero, TV.Broadcast(T.One), TV.Select(1, c, zero, TV.Broadcast(-T.One), c * T.Zero));
        p -= lr * sign;
        m = m * beta2 + g * oneMinusBeta2;
    }
}
