using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// Adadelta (Zeiler, 2012): the step is the gradient scaled by the ratio of the RMS of past updates to the RMS of
/// past gradients, so its units match the parameter's. <c>E ← ρ·E + (1−ρ)·g²</c>, then
/// <list type="table">
/// <item><term>lecture</term><description><c>Δ = √(D + eps)/√(E + eps) · g ;  p ← p − lr·Δ ;  D ← ρ·D + (1−ρ)·Δ²</c></description></item>
/// <item><term>lasagne</term><description><c>Δ = g·√(D + eps)/√(E + eps) ;  p ← p − lr·Δ ;  D ← ρ·D + (1−ρ)·Δ²</c></description></item>
/// <item><term>keras</term><description>as Lasagne (lr 1e-3, ρ 0.95, eps 1e-7)</description></item>
/// <item><term>pytorch</term><description>as the lecture, after <c>g ← g + wd·p</c></description></item>
/// </list>
/// <c>D</c> starts at <c>initial_delta</c> (0 in every library; the lecture's "big start" is 50).
/// </summary>
public sealed class Adadelta<T> : GroupedOptimizer<T, AdadeltaOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Adadelta(int length, AdadeltaOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public Adadelta(int length, IReadOnlyList<ParameterGroup<AdadeltaOptions>> groups) : base(length, groups, ["square_avg", "acc_delta"])
    {
        foreach (var group in Groups) Buffer(1, group).Fill(C(group.Options.InitialDelta));
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<AdadeltaOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        Span<T> E = Buffer(0, group), D = Buffer(1, group);
        T lr = C(LearningRate(index));
        // Keras's d = −(√(D + eps)·g)/√(E + eps), p ← p + lr·d, rounds exactly as Lasagne's Δ with the sign moved.
        if (o.Convention is Convention.Lasagne or Convention.Keras)
            UpdateLoop.Run(Kernel, Prologue(index), new AdadeltaLasagneUpdate<T>(lr, C(o.Rho), C(1 - o.Rho), C(o.Epsilon)), p, g, E, D);
        else
            UpdateLoop.Run(Kernel, Prologue(index), new AdadeltaUpdate<T>(lr, C(o.Rho), C(1 - o.Rho), C(o.Epsilon), fused: o.Convention == Convention.PyTorch), p, g, E, D);
    }
}
