using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Rprop, resilient backpropagation (Riedmiller &amp; Braun 1993), as <c>torch.optim.Rprop</c> (PyTorch 1.13)
/// computes it: each coordinate keeps its own step size, grown by <c>η+</c> while its gradient keeps its sign and
/// shrunk by <c>η−</c> when it flips (and then that coordinate waits a step); the parameter moves by the step size
/// against the gradient's sign. Only the sign of the gradient is used. <c>lr</c> is the first step size: like
/// torch, a schedule changes nothing after the first step. One rule in every convention.
/// </summary>
public sealed class Rprop<T> : GroupedOptimizer<T, RpropOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Rprop(int length, RpropOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Rprop(int length, IReadOnlyList<ParameterGroup<RpropOptions>> groups) : base(length, groups, ["prev", "step_size"]) { }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<RpropOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        Span<T> step = Buffer(1, group);
        // torch fills the step sizes with the group's lr when it creates the state, at the first step.
        if (t == 1) step.Fill(C(LearningRate(index)));
        UpdateLoop.Run(Kernel, Prologue(index), new RpropUpdate<T>(C(o.EtaMinus), C(o.EtaPlus), C(o.StepMin), C(o.StepMax)), p, g, Buffer(0, group), step);
    }
}
