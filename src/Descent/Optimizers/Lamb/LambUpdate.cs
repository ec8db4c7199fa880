using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// (Clipping comes first, in the shared <see cref="Kernels.GradientPrologue{T}"/>.) timm's LAMB step, each torch
/// operation rounded as torch 1.13's CPU kernels round it:
/// <code>
/// g ← g / n                                   n = max(‖g‖/max_grad_norm, 1), the global clip divisor
/// m ← fma(1−β1, g, β1·m)                      exp_avg.mul_(β1).add_(g, alpha=1−β1)
/// v ← fma((1−β2)·g, g, β2·v)                  exp_avg_sq.mul_(β2).addcmul_(g, g, value=1−β2)
/// u = (m/bc1) / (√v/√bc2 + eps)  (+ fma wd·p)  update = (exp_avg/bc1).div_(denom); update.add_(p, alpha=wd)
/// p ← fma(−lr, u·ratio, p)                    update.mul_(ratio); p.add_(update, alpha=−lr)
/// </code>
/// As an <see cref="IUpdate2{T}"/> it is the whole step in one pass, for a step without trust ratio (<paramref name="ratio"/> 1);
/// with one, <see cref="Moments"/> runs in the reduction pass that also sums <c>‖p‖²</c> and <c>‖u‖²</c>, and
/// <see cref="Direction"/> recomputes the same <c>u</c> bits in the second pass.
/// With <paramref name="keras"/> it is Keras's <c>Lamb</c> in Keras's order, nothing fused (<paramref name="bc2Sqrt"/> then
/// holds <c>bc2</c> itself, <paramref name="divisor"/> is 1, <paramref name="wd"/> 0: Keras's decay is the prologue's):
/// <c>m ← m + (g − m)·(1−β1) ;  v ← v + (g·g − v)·(1−β2) ;  u = (m/bc1)/(√(v/bc2) + eps) ;  p ← p − (ratio·lr)·u</c>.
/// </summary>
public readonly struct LambUpdate<T>(T divisor, T beta1, T oneMinusBeta1, T beta2, T oneMinusBeta2, T bc1, T bc2Sqrt, T eps, T wd, T negLr, T ratio,
    bool keras = false) : IUpdate2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether this is Keras's Lamb, whose norms add separately rounded squares (no fused multiply-add).</summary>
    public bool IsKeras => keras;

    /// <summary>The trust ratio this operator's step multiplies the update by.</summary>
    public T Ratio => ratio;

    /// <summary>The same operator with trust ratio <paramref name="value"/>.</summary>
    public LambUpdate<T> WithRatio(T value) => new(divisor, beta1, oneMinusBeta1, beta2, oneMinusBeta2, bc1, bc2Sqrt, eps, wd, negLr, value, keras);

    /// <inheritdoc/>
    public void Apply<TV>(ref TV p, TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        Moments(g, ref m, ref v);
        Step(ref p, Direction(p, m, v));
    }

    /// <summary>Divides the gradient by the global clip divisor and updates both averages.</summary>
    public void Moments<TV>(TV g, ref TV m, ref TV v) where TV : struct, ILanes<TV, T>
    {
        if (keras)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            return;
        }
        // x/1 is x: skipping it changes no bit.
        if (divisor != T.One) g /= divisor;
        m = TV.FusedMultiplyAdd(g, oneMinusBeta1, m * beta1);
        v = TV.FusedMultiplyAdd(g * oneMinusBeta2, g, v * beta2);
    }

    /// <summary>The update <c>u</c> before the trust ratio, from the updated averages and the parameter.</summary>
    public TV Direction<TV>(TV p, TV m, TV v) where TV : struct, ILanes<TV, T>
    {
        if (keras) return m / bc1 / (TV.Sqrt(v / bc2Sqrt) + eps);
        TV u = m / bc1 / (TV.Sqrt(v) / bc2Sqrt + eps);
        return wd != T.Zero ? TV.FusedMultiplyAdd(p, wd, u) : u;
    }

    /// <summary>Moves the parameter by the update scaled by the trust ratio.</summary>
    public void Step<TV>(ref TV p, TV u) where TV : struct, ILanes<TV, T>
    {
        if (keras)
        {
            p -= ratio * -negLr * u;
            return;
        }
        if (ratio != T.One) u *= ratio;
        p = TV.FusedMultiplyAdd(u, negLr, p);
    }
}
