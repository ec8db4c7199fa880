using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Heavy-ball momentum, and Nesterov momentum evaluated at the current point.
/// <list type="table">
/// <item><term>lecture</term><description><c>v ← γ·v + lr·g ;  p ← p − v</c></description></item>
/// <item><term>lasagne</term><description><c>v ← μ·v − lr·g ;  p ← p + v</c>; Nesterov: <c>p ← p + μ·v − lr·g</c> (<c>apply_momentum</c>, <c>apply_nesterov_momentum</c>)</description></item>
/// <item><term>keras</term><description><c>SGD(momentum=μ, nesterov=…)</c>: <c>v ← v·μ − g·lr ;  p ← p + v</c>; Nesterov: <c>p ← p + (v·μ − g·lr)</c></description></item>
/// <item><term>pytorch</term><description>SGD with momentum (see <see cref="Sgd{T}"/>), Nesterov with <c>nesterov=True</c></description></item>
/// </list>
/// The lecture's Nesterov looks ahead and is <see cref="SmoothedNesterov{T}"/> with one point.
/// References: Polyak (1964); Nesterov (1983); Sutskever et al. (2013).
/// </summary>
public sealed class Momentum<T> : GroupedOptimizer<T, MomentumOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Momentum(int length, MomentumOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Momentum(int length, IReadOnlyList<ParameterGroup<MomentumOptions>> groups) : base(length, groups, ["velocity"])
    {
        if (groups.Any(g => g.Options is NesterovOptions && g.Options.Convention == Convention.Lecture || g.Options is SmoothedNesterovOptions))
            throw new ArgumentException("Look-ahead Nesterov needs a gradient oracle; use SmoothedNesterov<T>.", nameof(groups));
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<MomentumOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        bool nesterov = o is NesterovOptions;
        T lr = C(LearningRate(index)), mu = C(Momentum(index, o.Momentum));
        var pre = Prologue(index);
        Span<T> v = Buffer(0, group);
        switch (o.Convention)
        {
            case Convention.Lecture:
                UpdateLoop.Run(Kernel, pre, new LectureMomentumUpdate<T>(lr, mu), p, g, v);
                break;
            case Convention.Lasagne when nesterov:
                UpdateLoop.Run(Kernel, pre, new LasagneNesterovUpdate<T>(lr, mu), p, g, v);
                break;
            case Convention.Lasagne:
                UpdateLoop.Run(Kernel, pre, new LasagneMomentumUpdate<T>(lr, mu), p, g, v);
                break;
            case Convention.Keras:
                UpdateLoop.Run(Kernel, pre, new SgdKerasMomentumUpdate<T>(lr, mu, nesterov), p, g, v);
                break;
            default:
                UpdateLoop.Run(Kernel, pre, new SgdMomentumUpdate<T>(lr, mu, C(1 - o.Dampening), nesterov, t == 1), p, g, v);
                break;
        }
    }
}
