using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, L2 weight decay and Nesterov's
/// variant, as <c>torch.optim.SGD</c>:
/// <code>
/// g ← g + wd·p                          (if wd ≠ 0)
/// b ← g (t = 1),  else μ·b + (1 − τ)·g  (if μ ≠ 0)
/// g ← g + μ·b  if nesterov,  else b
/// p ← p − lr·g
/// </code>
/// Lasagne's <c>sgd</c> is the plain case <c>p ← p − lr·g</c>; the lecture does not define <c>sgd</c>
/// and uses PyTorch's. Keras's (<c>keras</c>): <c>p ← p − g·lr</c>; with momentum <c>v ← v·μ − g·lr ;  p ← p + v</c>,
/// Nesterov <c>p ← p + (v·μ − g·lr)</c>; its weight decay is decoupled. Reference: Robbins &amp; Monro (1951); Sutskever et al. (2013) for momentum.
/// </summary>
public sealed class Sgd<T> : GroupedOptimizer<T, SgdOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Sgd(int length, SgdOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Sgd(int length, IReadOnlyList<ParameterGroup<SgdOptions>> groups)
        : base(length, groups, groups.Any(g => g.Options.Momentum != 0) || CyclesMomentum(groups) ? ["momentum_buffer"] : []) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<SgdOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double lr = LearningRate(index), momentum = Momentum(index, o.Momentum);
        if (o.Convention == Convention.Keras)
        {
            if (momentum == 0) UpdateLoop.Run(Kernel, Prologue(index), new SgdKerasUpdate<T>(C(lr)), p, g);
            else UpdateLoop.Run(Kernel, Prologue(index), new SgdKerasMomentumUpdate<T>(C(lr), C(momentum), o.Nesterov), p, g, Buffer(0, group));
        }
        else if (momentum == 0)
            UpdateLoop.Run(Kernel, Prologue(index), new SgdUpdate<T>(C(lr)), p, g);
        else
            UpdateLoop.Run(Kernel, Prologue(index), new SgdMomentumUpdate<T>(C(lr), C(momentum), C(1 - o.Dampening), o.Nesterov, t == 1), p, g, Buffer(0, group));
    }
}
