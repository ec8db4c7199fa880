using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>The lecture's Adam, epsilon inside the root: <c>p ← p − lr/√(v/bc2 + eps) · m/bc1</c>.</summary>
public readonly struct AdamLectureUpdate<T>(AdamMoments<T> moments, T lr, T bc1, T bc2, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        moments.Apply(g, ref m, ref v);
        p -= lr / TV.Sqrt(v / bc2 + eps) * (m / bc1);
    }
}
