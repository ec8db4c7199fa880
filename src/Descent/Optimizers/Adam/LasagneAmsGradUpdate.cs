using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's <c>amsgrad</c>: <c>v̂ ← max(v̂, v) ;  p ← p − a·m/(√v̂ + eps)</c>.</summary>
public readonly struct LasagneAmsGradUpdate<T>(AdamMoments<T> moments, T a, T eps) : IUpdate3<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T m, ref T v, ref T vhat)
    {
        moments.Apply(g, ref m, ref v);
        vhat = T.Max(vhat, v);
        p -= a * m / (T.Sqrt(vhat) + eps);
    }
}
