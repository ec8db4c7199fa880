using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Adamax (Kingma &amp; Ba, 2015, §7.1): Adam with the second moment replaced by an exponentially weighted
/// infinity norm, which needs no bias correction. <c>m ← β1·m + (1−β1)·g</c>, then
/// <list type="table">
/// <item><term>lecture</term><description><c>u ← max(β2·u, |g|) ;  p ← p − lr/(1−β1^t) · m/(u + eps)</c></description></item>
/// <item><term>lasagne</term><description>the same formula (<c>lasagne.updates.adamax</c>), lr 2e-3</description></item>
/// <item><term>keras</term><description><c>m ← m + (g − m)·(1−β1) ;  u ← max(β2·u, |g|) ;  p ← p − lr·m/((1−β1^t)·(u + eps))</c></description></item>
/// <item><term>pytorch</term><description><c>g ← g + wd·p</c> first; <c>u ← max(β2·u, |g| + eps) ;  p ← p − lr/(1−β1^t) · m/u</c>, eps inside the max</description></item>
/// </list>
/// The maximum propagates NaN, as <c>torch.amax</c>.
/// </summary>
public sealed class Adamax<T> : GroupedOptimizer<T, AdamaxOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Adamax(int length, AdamaxOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Adamax(int length, IReadOnlyList<ParameterGroup<AdamaxOptions>> groups) : base(length, groups, ["exp_avg", "exp_inf"]) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<AdamaxOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double beta1 = Momentum(index, o.Beta1);
        T a = C(LearningRate(index) / (1 - Math.Pow(beta1, t)));
        Span<T> m = Buffer(0, group), u = Buffer(1, group);
        if (o.Convention == Convention.Keras)
            UpdateLoop.Run(Kernel, Prologue(index), new AdamaxKerasUpdate<T>(C(LearningRate(index)), C(1 - Math.Pow(beta1, t)), C(1 - beta1), C(o.Beta2), C(o.Epsilon)), p, g, m, u);
        else if (o.Convention == Convention.PyTorch)
            UpdateLoop.Run(Kernel, Prologue(index), new AdamaxUpdate<T>(a, C(beta1), C(1 - beta1), C(o.Beta2), C(o.Epsilon)), p, g, m, u);
        else
            UpdateLoop.Run(Kernel, Prologue(index), new AdamaxLasagneUpdate<T>(a, C(beta1), C(1 - beta1), C(o.Beta2), C(o.Epsilon)), p, g, m, u);
    }
}
