using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's <c>amsgrad</c>: <c>v̂ ← max(v̂, v) ;  p ← p − a·m/(√v̂ + eps)</c>.</summary>
public readonly struct LasagneAmsGradUpdate<T>(AdamMoments<T> moments, T a, T eps) : IUpdate3<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v, ref TV vhat) where TV : struct, ILanes<TV, T>
    {
        moments.Apply(g, ref m, ref v);
        vhat = TV.Max(vhat, v);
        p -= a * m / (TV.Sqrt(vhat) + eps);
    }
}
