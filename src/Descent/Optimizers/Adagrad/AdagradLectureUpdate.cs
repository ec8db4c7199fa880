using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// The lecture's Adagrad family: <c>G ← G + g²</c> (or <c>+ |g|</c>) <c>;  p ← p − lr/(G + eps)^power · g</c>, in the
/// lecture's order <c>lr / np.sqrt(G + eps) * x</c>.
/// </summary>
public readonly struct AdagradLectureUpdate<T>(T lr, T eps, T power, bool accumulateAbs) : IUpdate1<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Sqrt is correctly rounded and Pow(x, 0.5) need not be; the lecture's numbers come from np.sqrt.
    private readonly bool _sqrt = power == T.CreateTruncating(0.5);

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV G) where TV : struct, ILanes<TV, T>
    {
        G += accumulateAbs ? TV.Abs(g) : g * g;
        TV x = G + eps;
        p -= lr / (_sqrt ? TV.Sqrt(x) : TV.Pow(x, power)) * g;
    }
}
