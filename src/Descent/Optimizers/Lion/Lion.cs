using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Lion, "evolved sign momentum" (Chen et al. 2023, <i>Symbolic Discovery of Optimization Algorithms</i>), as
/// lucidrains/lion-pytorch's <c>Lion</c> computes it: <c>p ← p·(1 − lr·wd)</c>, then
/// <c>p ← p − lr·sign(β1·m + (1−β1)·g)</c>, then <c>m ← β2·m + (1−β2)·g</c>. Every coordinate moves by exactly
/// <c>lr</c> (or not at all), whatever the size of its gradient. Keras's <c>Lion</c> under <c>keras</c>
/// (<see cref="LionKerasUpdate{T}"/>, no fused multiply-adds), lion-pytorch's in every other convention.
/// </summary>
public sealed class Lion<T> : GroupedOptimizer<T, LionOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Lion(int length, LionOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Lion(int length, IReadOnlyList<ParameterGroup<LionOptions>> groups) : base(length, groups, ["exp_avg"]) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<LionOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double beta1 = Momentum(index, o.Beta1);
        if (o.Convention == Convention.Keras)
        {
            UpdateLoop.Run(Kernel, Prologue(index), new LionKerasUpdate<T>(C(LearningRate(index)), C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2)), p, g, Buffer(0, group));
            return;
        }
        UpdateLoop.Run(Kernel, Prologue(index), new LionUpdate<T>(C(LearningRate(index)), C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2)),
            p, g, Buffer(0, group));
    }
}
