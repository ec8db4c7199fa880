using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's Adam with "epsilon-hat": <c>p ← p − a·m/(√v + eps)</c>, <c>a = lr·√(1−β2^t)/(1−β1^t)</c>.</summary>
public readonly struct AdamEpsilonHatUpdate<T>(AdamMoments<T> moments, T a, T eps) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        moments.Apply(g, ref m, ref v);
        p -= a * m / (TV.Sqrt(v) + eps);
    }
}
