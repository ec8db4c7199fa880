using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Weight decay and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// PyTorch's NAdam step: <c>m, v as Adam ;  d = √(v/bc2) + eps ;  p ← p − cg·g/d ;  p ← p − cm·m/d</c>,
/// with <c>cg = lr·(1−μ_t)/(1−Π)</c> and <c>cm = lr·μ_{t+1}/(1−Π')</c> computed once per step.
/// </summary>
public readonly struct NAdamUpdate<T>(AdamMoments<T> moments, T bc2, T eps, T cg, T cm) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        moments.Apply(g, ref m, ref v);
        TV d = TV.Sqrt(v / bc2) + eps;
        // Two separate subtractions, as PyTorch's two addcdiv_ calls round after each.
        p -= cg * g / d;
        p -= cm * m / d;
    }
}
