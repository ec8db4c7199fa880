using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// RAdam (Liu et al., 2020): Adam whose adaptive step is switched on only once the variance of its estimate is
/// tractable, and then rectified. As <c>torch.optim.RAdam</c> (PyTorch 1.13) in every convention:
/// <code>
/// g ← g + wd·p ;  m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g²
/// ρ∞ = 2/(1−β2) − 1 ;  ρ_t = ρ∞ − 2t·β2^t/(1−β2^t)
/// if ρ_t > 5:  r_t = √((ρ_t−4)(ρ_t−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρ_t)) ;  p ← p − m/(1−β1^t)·lr·√(1−β2^t)/(√v + eps)·r_t
/// else:        p ← p − m/(1−β1^t)·lr
/// </code>
/// With the default β2 = 0.999 the first five steps are plain bias-corrected momentum.
/// </summary>
public sealed class RAdam<T> : GroupedOptimizer<T, RAdamOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public RAdam(int length, RAdamOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public RAdam(int length, IReadOnlyList<ParameterGroup<RAdamOptions>> groups) : base(length, groups, ["exp_avg", "exp_avg_sq"]) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<RAdamOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double beta1 = Momentum(index, o.Beta1), bc1 = 1 - Math.Pow(beta1, t), bc2 = 1 - Math.Pow(o.Beta2, t);
        double rhoInf = 2 / (1 - o.Beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.Pow(o.Beta2, t) / bc2;
        var moments = new AdamMoments<T>(C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2), fused: true);
        bool rectify = rhoT > 5;
        double rect = rectify ? Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        UpdateLoop.Run(Kernel, Prologue(index), new RAdamUpdate<T>(moments, C(bc1), C(LearningRate(index)), C(Math.Sqrt(bc2)), C(o.Epsilon), C(rect), rectify),
            p, g, Buffer(0, group), Buffer(1, group));
    }
}
