using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Decoupled decay or the L2 term and clipping come first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.)
/// AdaBelief's step in adabelief-pytorch 0.2.1's order, each torch operation rounded as torch 1.13's CPU kernels
/// round it:
/// <code>
/// m ← fma(1−β1, g, β1·m)                    exp_avg.mul_(β1).add_(g, alpha=1−β1)
/// r = g − m ;  s ← fma((1−β2)·r, r, β2·s)    exp_avg_var.mul_(β2).addcmul_(r, r, value=1−β2)
/// s ← s + eps                                exp_avg_var.add_(eps), every step
/// p ← p + (c·m)/d                            addcdiv_ (or p ← fma(c, m, p) for the momentum step)
/// </code>
/// with <c>d = √s/√bc2 + eps</c> (unrectified) or <c>√s + eps</c> (rectified), and <c>c</c> the step's signed
/// scalar (<paramref name="value"/>).
/// </summary>
public readonly struct AdaBeliefUpdate<T>(T beta1, T oneMinusBeta1, T beta2, T oneMinusBeta2, T eps, T bc2Sqrt, T value, AdaBeliefStep step) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV s) where TV : struct, ILanes<TV, T>
    {
        m = TV.FusedMultiplyAdd(g, oneMinusBeta1, m * beta1);
        TV r = g - m;
        s = TV.FusedMultiplyAdd(r * oneMinusBeta2, r, s * beta2);
        s += eps;
        switch (step)
        {
            case AdaBeliefStep.Adaptive:
                p += value * m / (TV.Sqrt(s) / bc2Sqrt + eps);
                break;
            case AdaBeliefStep.Rectified:
                p += value * m / (TV.Sqrt(s) + eps);
                break;
            default:
                p = TV.FusedMultiplyAdd(m, value, p);
                break;
        }
    }
}
