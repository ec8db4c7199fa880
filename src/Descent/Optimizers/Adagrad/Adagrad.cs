using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Adagrad (Duchi, Hazan &amp; Singer, 2011): each coordinate's step shrinks with the sum <c>G</c> of its past
/// squared gradients.
/// <list type="table">
/// <item><term>lecture</term><description><c>G ← G + g² ;  p ← p − lr/(G + eps)^power · g</c>; <c>power = 0.5</c> is the square root, <c>power = 1</c> "no root"; <c>accumulate=abs</c> sums <c>|g|</c> instead of <c>g²</c></description></item>
/// <item><term>lasagne</term><description><c>G ← G + g² ;  p ← p − lr·g/√(G + eps)</c></description></item>
/// <item><term>keras</term><description>as Lasagne, <c>G</c> starting at <c>initial_accumulator</c> (0.1)</description></item>
/// <item><term>pytorch</term><description><c>clr = lr/(1 + (t−1)·lr_decay) ;  g ← g + wd·p ;  G ← G + g² ;  p ← p − clr·g/(√G + eps)</c>, eps outside the root, <c>G</c> starting at <c>initial_accumulator</c></description></item>
/// </list>
/// </summary>
public sealed class Adagrad<T> : GroupedOptimizer<T, AdagradOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Adagrad(int length, AdagradOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Adagrad(int length, IReadOnlyList<ParameterGroup<AdagradOptions>> groups) : base(length, groups, ["sum"])
    {
        foreach (var group in Groups) Buffer(0, group).Fill(C(group.Options.InitialAccumulator));
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<AdagradOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        Span<T> sum = Buffer(0, group);
        double lr = LearningRate(index);
        var pre = Prologue(index);
        switch (o.Convention)
        {
            case Convention.Lecture:
                UpdateLoop.Run(Kernel, pre, new AdagradLectureUpdate<T>(C(lr), C(o.Epsilon), C(o.Power), o.Accumulate == AdagradAccumulate.Abs), p, g, sum);
                break;
            // Keras's Adagrad has Lasagne's operations; only its defaults differ (accumulator from 0.1, eps 1e-7).
            case Convention.Lasagne or Convention.Keras:
                UpdateLoop.Run(Kernel, pre, new AdagradLasagneUpdate<T>(C(lr), C(o.Epsilon)), p, g, sum);
                break;
            default:
                double clr = lr / (1 + (t - 1) * o.LearningRateDecay);
                UpdateLoop.Run(Kernel, pre, new AdagradUpdate<T>(C(clr), C(o.Epsilon)), p, g, sum);
                break;
        }
    }
}
