using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>The lecture's Adam, epsilon inside the root: <c>p ← p − lr/√(v/bc2 + eps) · m/bc1</c>.</summary>
public readonly struct AdamLectureUpdate<T>(AdamMoments<T> moments, T lr, T bc1, T bc2, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T m, ref T v)
    {
        moments.Apply(g, ref m, ref v);
        p -= lr / T.Sqrt(v / bc2 + eps) * (m / bc1);
    }
}
