using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015), its AMSGrad variant (Reddi et al., 2018) and AdamW's decoupled weight
/// decay (Loshchilov &amp; Hutter, 2019). <c>m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g²</c>, then
/// <list type="table">
/// <item><term>lecture</term><description><c>p ← p − lr·m̂ / √(v̂ + eps)</c>, eps inside the root</description></item>
/// <item><term>lasagne</term><description><c>a = lr·√(1−β2^t)/(1−β1^t) ;  p ← p − a·m/(√v + eps)</c> ("epsilon-hat"); AMSGrad divides by <c>√max(v̂, v)</c></description></item>
/// <item><term>keras</term><description>Lasagne's epsilon-hat with <c>m ← m + (g − m)·(1−β1)</c>, <c>v ← v + (g² − v)·(1−β2)</c>; AMSGrad <c>max(v̂, v)</c>; decoupled weight decay</description></item>
/// <item><term>pytorch</term><description><c>p ← p − lr/(1−β1^t) · m / (√v/√(1−β2^t) + eps)</c>, eps outside; AMSGrad keeps <c>max(v)</c>; L2 weight decay <c>g += wd·p</c></description></item>
/// </list>
/// with <c>m̂ = m/(1−β1^t)</c>, <c>v̂ = v/(1−β2^t)</c>.
/// </summary>
public sealed class Adam<T> : GroupedOptimizer<T, AdamOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Adam(int length, AdamOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Adam(int length, IReadOnlyList<ParameterGroup<AdamOptions>> groups)
        : base(length, groups, groups.Any(g => g.Options.AmsGrad) ? ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"] : ["exp_avg", "exp_avg_sq"]) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<AdamOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double beta1 = Momentum(index, o.Beta1), lr = LearningRate(index);
        double bc1 = 1 - Math.Pow(beta1, t), bc2 = 1 - Math.Pow(o.Beta2, t);
        Span<T> m = Buffer(0, group), v = Buffer(1, group);
        var moments = new AdamMoments<T>(C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2), fused: o.Convention == Convention.PyTorch);
        var pre = Prologue(index);
        switch (o.Convention)
        {
            case Convention.Lecture:
                UpdateLoop.Run(Kernel, pre, new AdamLectureUpdate<T>(moments, C(lr), C(bc1), C(bc2), C(o.Epsilon)), p, g, m, v);
                break;
            case Convention.Lasagne:
                var a = C(lr * Math.Sqrt(bc2) / bc1);
                if (o.AmsGrad) UpdateLoop.Run(Kernel, pre, new LasagneAmsGradUpdate<T>(moments, a, C(o.Epsilon)), p, g, m, v, Buffer(2, group));
                else UpdateLoop.Run(Kernel, pre, new AdamEpsilonHatUpdate<T>(moments, a, C(o.Epsilon)), p, g, m, v);
                break;
            case Convention.Keras:
                var keras = new AdamKerasUpdate<T>(C(lr * Math.Sqrt(bc2) / bc1), C(1 - beta1), C(1 - o.Beta2), C(o.Epsilon));
                if (o.AmsGrad) UpdateLoop.Run(Kernel, pre, keras, p, g, m, v, Buffer(2, group));
                else UpdateLoop.Run(Kernel, pre, keras, p, g, m, v);
                break;
            default:
                var update = new AdamUpdate<T>(moments, C(lr / bc1), C(Math.Sqrt(bc2)), C(o.Epsilon));
                if (o.AmsGrad) UpdateLoop.Run(Kernel, pre, new AmsGradUpdate<T>(update), p, g, m, v, Buffer(2, group));
                else UpdateLoop.Run(Kernel, pre, update, p, g, m, v);
                break;
        }
    }
}
