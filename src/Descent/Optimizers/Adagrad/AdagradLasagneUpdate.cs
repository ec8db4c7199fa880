using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's <c>adagrad</c>: <c>G ← G + g² ;  p ← p − lr·g/√(G + eps)</c>.</summary>
public readonly struct AdagradLasagneUpdate<T>(T lr, T eps) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV G) where TV : struct, ILanes<TV, T>
    {
        G += g * g;
        p -= lr * g / TV.Sqrt(G + eps);
    }
}
