using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// LAMB (You et al. 2020, <i>Large Batch Optimization for Deep Learning</i>), as timm's <c>Lamb</c>
/// (<c>timm/optim/lamb.py</c>, NVIDIA's FusedLAMB behaviour) computes it:
/// <code>
/// n = max(‖g‖/max_grad_norm, 1) over every group ;  g ← g/n
/// m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g²
/// u = (m/bc1)/(√v/√bc2 + eps) + wd·p
/// r = ‖p‖/‖u‖ (1 where either norm is 0; at most 1 with trust_clip), when wd ≠ 0 or always_adapt, else 1
/// p ← p − lr·r·u
/// </code>
/// The norms of <c>r</c> are over the whole parameter group (timm's per-tensor ratio; a Descent group is one
/// tensor): a step with a ratio is a reduction pass that updates the averages and sums both squares
/// deterministically, then the pass that moves the parameters. Under <c>keras</c> it is Keras's <c>Lamb</c> (see
/// <see cref="LambUpdate{T}"/>): the trust ratio every step, decoupled decay before it; timm's in every other convention.
/// </summary>
public sealed class Lamb<T> : GroupedOptimizer<T, LambOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    private double[]? _partials;
    private T _divisor = T.One;

    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public Lamb(int length, LambOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options (the first group's <c>max_grad_norm</c> serves all, as timm reads its defaults').</summary>
    public Lamb(int length, IReadOnlyList<ParameterGroup<LambOptions>> groups) : base(length, groups, ["exp_avg", "exp_avg_sq"]) { }

    /// <inheritdoc/>
    protected override void BeforeGroups(ReadOnlySpan<T> gradients)
    {
        double max = Groups[0].Options.MaxGradNorm;
        _divisor = T.One;
        if (max == 0) return;
        // The norm of the gradients the rule sees: after clip_norm or clip_value, as a PyTorch loop clips p.grad
        // before step(). timm takes each tensor's norm, then the norm of those norms: a chain of fmas in torch 1.13.
        var pre = Prologue(0, ownDecay: true);
        T sum = T.Zero;
        // An index loop: foreach over the interface would allocate an enumerator every step.
        for (int k = 0; k < Groups.Count; k++)
        {
            var group = Groups[k];
            T norm = C(Math.Sqrt(LambPasses.SumOfSquares(Kernel, pre, gradients.Slice(group.Offset, group.Length), Partials(group.Length))));
            sum = T.FusedMultiplyAdd(norm, norm, sum);
        }
        T divisor = C(Math.Sqrt(double.CreateTruncating(sum))) / C(max);
        // torch's clamp_(min=1) keeps a NaN.
        _divisor = T.IsNaN(divisor) ? divisor : T.Max(divisor, T.One);
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<LambOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double beta1 = Momentum(index, o.Beta1);
        double bc1 = o.BiasCorrection ? 1 - Math.Pow(beta1, t) : 1.0, bc2 = o.BiasCorrection ? 1 - Math.Pow(o.Beta2, t) : 1.0;
        bool keras = o.Convention == Convention.Keras;
        // Keras's Lamb: its own order, bc2 under the root, no max_grad_norm, decay in the prologue, a trust ratio every step.
        var op = keras
            ? new LambUpdate<T>(T.One, C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2), C(bc1), C(bc2), C(o.Epsilon), T.Zero, -C(LearningRate(index)), T.One, keras: true)
            : new LambUpdate<T>(_divisor, C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2), C(bc1), C(Math.Pow(bc2, 0.5)),
            C(o.Epsilon), C(o.WeightDecay), -C(LearningRate(index)), T.One);
        var pre = Prologue(index, ownDecay: true);
        Span<T> m = Buffer(0, group), v = Buffer(1, group);
        if (!keras && o.WeightDecay == 0 && !o.AlwaysAdapt)
        {
            UpdateLoop.Run(Kernel, pre, op, p, g, m, v);
            return;
        }
        var (sumP, sumU) = LambPasses.MomentsAndNorms(Kernel, pre, op, p, g, m, v, Partials(p.Length));
        T wNorm = C(Math.Sqrt(sumP)), uNorm = C(Math.Sqrt(sumU));
        T ratio = wNorm > T.Zero ? uNorm > T.Zero ? wNorm / uNorm : T.One : T.One;
        if (o.TrustClip && !T.IsNaN(ratio)) ratio = T.Min(ratio, T.One);
        LambPasses.Step(Kernel, op.WithRatio(ratio), p, m, v);
    }

    private Span<double> Partials(int length)
    {
        int need = LambPasses.PartialsFor(length);
        if (_partials is null || _partials.Length < need) _partials = new double[LambPasses.PartialsFor(Length)];
        return _partials;
    }
}
