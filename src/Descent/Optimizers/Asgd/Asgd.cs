using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// ASGD, averaged stochastic gradient descent (Polyak &amp; Juditsky 1992), as <c>torch.optim.ASGD</c> (PyTorch 1.13)
/// computes it. A step size <c>η</c> (first <c>lr</c>) and an averaging weight <c>μ</c> (first 1) are kept per
/// parameter group — torch keeps them per tensor; a Descent group is one tensor — in the working precision, as
/// torch's 0-dim tensors of the parameters' dtype:
/// <code>
/// p ← p·(1 − λ·η) ;  p ← p − η·g ;  ax ← ax + (p − ax)·μ  (ax ← p while μ = 1)
/// η ← lr/(1 + λ·lr·t)^α ;  μ ← 1/max(1, t − t0)
/// </code>
/// The parameter follows plain decaying SGD; <c>ax</c>, the Polyak average from step t0 on, is kept as state
/// (<c>State("ax")</c>) and is what the method proposes as its answer. One rule in every convention.
/// </summary>
public sealed class Asgd<T> : GroupedOptimizer<T, AsgdOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Eta = 0, Mu = 1;

    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Asgd(int length, AsgdOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Asgd(int length, IReadOnlyList<ParameterGroup<AsgdOptions>> groups) : base(length, groups, ["ax"], scalarsPerGroup: 2) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<AsgdOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        var scalars = GroupScalars(index);
        double lr = LearningRate(index);
        // torch creates eta = lr and mu = 1 with the state, at the first step.
        if (t == 1)
        {
            scalars[Eta] = Working(lr);
            scalars[Mu] = 1;
        }
        double eta = scalars[Eta], mu = scalars[Mu];
        UpdateLoop.Run(Kernel, Prologue(index), new AsgdUpdate<T>(C(1 - o.Lambd * eta), C(eta), C(mu), mu == 1), p, g, Buffer(0, group));
        scalars[Eta] = Working(lr / Math.Pow(1 + o.Lambd * lr * t, o.Alpha));
        scalars[Mu] = Working(1 / Math.Max(1, t - o.T0));
    }

    /// <summary><paramref name="value"/> rounded to the working precision, as torch holds eta and mu in tensors of the parameters' dtype.</summary>
    private static double Working(double value) => double.CreateTruncating(C(value));
}
