using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// AdaBelief (Zhuang et al. 2020, <i>Adapting Stepsizes by the Belief in Observed Gradients</i>), as
/// adabelief-pytorch 0.2.1's <c>AdaBelief</c> computes it: Adam whose second moment is the running average of
/// <c>(g − m)²</c>, how far the gradient strays from its prediction, with <c>eps</c> added to it every step:
/// <code>
/// p ← p·(1 − lr·wd) ;  m ← β1·m + (1−β1)·g ;  s ← β2·s + (1−β2)·(g − m)² + eps
/// N∞ = 2/(1−β2) − 1 ;  N_t = N∞ − 2t·β2^t/(1−β2^t)
/// rectify, N_t ≥ 5:  p ← p − lr·√((1−β2^t)(N_t−4)(N_t−2)N∞/((N∞−4)N_t(N∞−2)))/(1−β1^t) · m/(√s + eps)
/// rectify, N_t &lt; 5:  p ← p − lr/(1−β1^t) · m
/// no rectify:        p ← p − lr/(1−β1^t) · m/(√s/√(1−β2^t) + eps)
/// </code>
/// One rule in every convention.
/// </summary>
public sealed class AdaBelief<T> : GroupedOptimizer<T, AdaBeliefOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public AdaBelief(int length, AdaBeliefOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public AdaBelief(int length, IReadOnlyList<ParameterGroup<AdaBeliefOptions>> groups) : base(length, groups, ["exp_avg", "exp_avg_var"]) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<AdaBeliefOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double beta1 = Momentum(index, o.Beta1), lr = LearningRate(index);
        double bc1 = 1 - Math.Pow(beta1, t), bc2 = 1 - Math.Pow(o.Beta2, t);
        // The package's scalars, in its order of evaluation (Python doubles).
        var step = AdaBeliefStep.Adaptive;
        double value = -(lr / bc1);
        if (o.Rectify)
        {
            double beta2t = Math.Pow(o.Beta2, t);
            double nMax = 2 / (1 - o.Beta2) - 1;
            double nSma = nMax - 2 * t * beta2t / (1 - beta2t);
            if (nSma >= 5)
            {
                double size = Math.Sqrt((1 - beta2t) * (nSma - 4) / (nMax - 4) * (nSma - 2) / nSma * nMax / (nMax - 2)) / (1 - Math.Pow(beta1, t));
                step = AdaBeliefStep.Rectified;
                value = -size * lr;
            }
            else
            {
                step = AdaBeliefStep.Momentum;
                value = -(1.0 / (1 - Math.Pow(beta1, t))) * lr;
            }
        }
        var op = new AdaBeliefUpdate<T>(C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2), C(o.Epsilon), C(Math.Sqrt(bc2)), C(value), step);
        UpdateLoop.Run(Kernel, Prologue(index), op, p, g, Buffer(0, group), Buffer(1, group));
    }
}
