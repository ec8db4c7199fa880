using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>PyTorch's AMSGrad: Adam whose denominator uses <c>vmax ← max(vmax, v)</c> (NaN propagates, as <c>torch.maximum</c>).</summary>
public readonly struct AmsGradUpdate<T>(AdamUpdate<T> adam) : IUpdate3<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v, ref TV vmax) where TV : struct, ILanes<TV, T>
    {
        adam.Prepare(ref p, ref g, ref m, ref v);
        vmax = TV.Max(vmax, v);
        p = adam.Next(p, m, vmax);
    }
}
