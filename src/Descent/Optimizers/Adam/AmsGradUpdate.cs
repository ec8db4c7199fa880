using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's AMSGrad: Adam whose denominator uses <c>vmax ← max(vmax, v)</c> (NaN propagates, as <c>torch.maximum</c>).</summary>
public readonly struct AmsGradUpdate<T>(AdamUpdate<T> adam) : IUpdate3<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply(ref T p, T g, ref T m, ref T v, ref T vmax)
    {
        adam.Prepare(ref p, ref g, ref m, ref v);
        vmax = T.Max(vmax, v);
        p = adam.Next(p, m, vmax);
    }
}
