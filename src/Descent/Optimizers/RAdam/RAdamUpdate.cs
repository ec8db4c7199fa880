using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// PyTorch's RAdam step in its order of operations: <c>m̂ = m/bc1 ;  p ← p − m̂·lr·(√bc2 · 1/(√v + eps))·r</c> when
/// <paramref name="rectify"/>, else <c>p ← p − m̂·lr</c>; <c>bc1</c>, <c>√bc2</c> and <c>r</c> are per-step scalars.
/// </summary>
public readonly struct RAdamUpdate<T>(AdamMoments<T> moments, T bc1, T lr, T bc2Sqrt, T eps, T rect, bool rectify) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        moments.Apply(g, ref m, ref v);
        TV step = m / bc1 * lr;
        if (rectify)
        {
            // PyTorch writes √bc2 / (√v + eps) with a Python scalar on the left, which it evaluates as reciprocal(x)·√bc2.
            TV adaptive = T.One / (TV.Sqrt(v) + eps) * bc2Sqrt;
            step = step * adaptive * rect;
        }
        p -= step;
    }
}
