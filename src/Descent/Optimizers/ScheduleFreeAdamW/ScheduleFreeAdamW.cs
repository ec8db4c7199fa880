using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Schedule-Free AdamW (Defazio et al. 2024, <i>The Road Less Scheduled</i>), as facebookresearch/schedule_free's
/// <c>AdamWScheduleFree</c> (1.4.1) computes it in train mode. No learning-rate schedule: the method keeps a base
/// sequence <c>z</c> (state <c>z</c>) and an average <c>x</c> of it, and takes gradients at their interpolation
/// <c>y = (1−β1)·z + β1·x</c>, which is what the parameter buffer holds. With <c>k</c> the steps taken before:
/// <code>
/// lr_k = lr·min(1, (k+1)/warmup_steps) ;  lr_max = max(lr_max, lr_k) ;  w = (k+1)^r·lr_max^weight_lr_power
/// W ← W + w ;  c = w/W
/// v ← β2·v + (1−β2)·g² ;  u = g/(√(v/(1−β2^(k+1))) + eps) + wd·y
/// y ← (1−c)·y + c·z + lr_k·(β1·(1−c) − 1)·u ;  z ← z − lr_k·u
/// </code>
/// The point the method proposes, where losses are reported and models evaluated, is <c>x = lerp(y, z, 1 − 1/β1)</c>
/// (<see cref="Optimizer{T}.EvaluationPoint"/>, what <c>optimizer.eval()</c> puts in the parameters). <c>W</c> and
/// <c>lr_max</c> are kept per group. One rule in every convention.
/// </summary>
public sealed class ScheduleFreeAdamW<T> : GroupedOptimizer<T, ScheduleFreeAdamWOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int WeightSum = 0, LrMax = 1;

    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public ScheduleFreeAdamW(int length, ScheduleFreeAdamWOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public ScheduleFreeAdamW(int length, IReadOnlyList<ParameterGroup<ScheduleFreeAdamWOptions>> groups)
        : base(length, groups, ["z", "exp_avg_sq"], scalarsPerGroup: 2) { }

    /// <inheritdoc/>
    public override bool HasEvaluationPoint => true;

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<ScheduleFreeAdamWOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        var scalars = GroupScalars(index);
        if (t == 1)
        {
            scalars[WeightSum] = 0;
            scalars[LrMax] = -1;
        }
        // The package's scalars in Python doubles, k = t − 1.
        long k = t - 1;
        double sched = k < o.WarmupSteps ? (double)(k + 1) / o.WarmupSteps : 1.0;
        double bc2 = 1 - Math.Pow(o.Beta2, k + 1);
        double lr = LearningRate(index) * sched;
        double lrMax = scalars[LrMax] = Math.Max(lr, scalars[LrMax]);
        double weight = Math.Pow(k + 1, o.R) * Math.Pow(lrMax, o.WeightLrPower);
        double weightSum = scalars[WeightSum] += weight;
        // Python raises ZeroDivisionError at W = 0 (lr = 0), which the package turns into c = 0.
        double c = weightSum == 0 ? 0 : weight / weightSum;
        var op = new ScheduleFreeAdamWUpdate<T>(C(o.Beta2), C(1 - o.Beta2), C(bc2), C(o.Epsilon), C(o.WeightDecay), C(c),
            C(lr * (o.Beta1 * (1 - c) - 1)), C(lr), first: t == 1);
        UpdateLoop.Run(Kernel, Prologue(index, ownDecay: true), op, p, g, Buffer(0, group), Buffer(1, group));
    }

    /// <inheritdoc/>
    protected override void EvaluationPointCore(ReadOnlySpan<T> parameters, Span<T> destination)
    {
        parameters.CopyTo(destination);
        // Before the first step there is no z, and eval() leaves the parameters as they are.
        if (StepCount == 0) return;
        var z = State("z");
        foreach (var group in Groups)
        {
            T w = C(1 - 1 / group.Options.Beta1);
            for (int i = group.Offset; i < group.Offset + group.Length; i++)
                destination[i] = ScheduleFreeAdamWUpdate<T>.Lerp(new Lane<T>(parameters[i]), new Lane<T>(z[i]), w).Value;
        }
    }
}
