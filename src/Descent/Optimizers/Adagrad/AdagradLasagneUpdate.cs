using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>Lasagne's <c>adagrad</c>: <c>G ← G + g² ;  p ← p − lr·g/√(G + eps)</c>.</summary>
public readonly struct AdagradLasagneUpdate<T>(T lr, T eps) : IUpdate1<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T G)
    {
        G += g * g;
        p -= lr * g / T.Sqrt(G + eps);
    }
}
