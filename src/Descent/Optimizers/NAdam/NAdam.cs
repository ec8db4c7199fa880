using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// NAdam (Dozat, 2016): Adam with Nesterov momentum and a warming momentum schedule, as Keras's <c>Nadam</c> under
/// <c>keras</c> (<see cref="NAdamKerasUpdate{T}"/>: <c>μ_t = β1·(1 − 0.5·0.96^t)</c>, Π kept as <c>(Π·β1)·(1 − 0.5·0.96^t)</c>),
/// and as <c>torch.optim.NAdam</c> (PyTorch 1.13) in every other convention:
/// <code>
/// g ← g + wd·p
/// μ_t = β1·(1 − 0.5·0.96^(t·ψ)) ;  μ_{t+1} = β1·(1 − 0.5·0.96^((t+1)·ψ))
/// Π ← Π·μ_t ;  Π' = Π·μ_t·μ_{t+1}
/// m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g²
/// d = √(v/(1−β2^t)) + eps
/// p ← p − lr·(1−μ_t)/(1−Π) · g/d − lr·μ_{t+1}/(1−Π') · m/d
/// </code>
/// <c>Π</c> is the running product of the <c>μ_i</c>, kept per group as scalar state (saved and restored with the
/// buffers). It is rounded to the working precision after each product, as PyTorch keeps it in a tensor of the
/// default dtype. PyTorch 1.13 multiplies <c>μ_t</c> into <c>Π'</c> twice; Dozat's paper, and PyTorch from 2.0 on
/// (pytorch/pytorch#92699), use <c>Π' = Π·μ_{t+1}</c>. Descent follows 1.13, its reference.
/// </summary>
public sealed class NAdam<T> : GroupedOptimizer<T, NAdamOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public NAdam(int length, NAdamOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public NAdam(int length, IReadOnlyList<ParameterGroup<NAdamOptions>> groups) : base(length, groups, ["exp_avg", "exp_avg_sq"], scalarsPerGroup: 1)
    {
        for (int i = 0; i < Groups.Count; i++) GroupScalars(i)[0] = 1.0;
    }

    /// <summary>The running product <c>Π_{i≤t} μ_i</c> of group <paramref name="groupIndex"/> after the last step.</summary>
    public double MuProduct(int groupIndex) => Scalars[groupIndex * ScalarsPerGroup];

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<NAdamOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        double bc2 = 1 - Math.Pow(o.Beta2, t), beta1 = Momentum(index, o.Beta1), lr = LearningRate(index);
        if (o.Convention == Convention.Keras)
        {
            StepKeras(index, group, p, g, t, beta1, bc2, lr);
            return;
        }
        double mu = beta1 * (1.0 - 0.5 * Math.Pow(0.96, t * o.MomentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.Pow(0.96, (t + 1) * o.MomentumDecay));
        Span<double> scalars = GroupScalars(index);
        T product = C(scalars[0]) * C(mu);
        double muProduct = double.CreateTruncating(product);
        double muProductNext = double.CreateTruncating(product * C(mu) * C(muNext));
        scalars[0] = muProduct;
        UpdateLoop.Run(Kernel, Prologue(index), new NAdamUpdate<T>(
            new AdamMoments<T>(C(beta1), C(1 - beta1), C(o.Beta2), C(1 - o.Beta2), fused: true),
            C(bc2), C(o.Epsilon),
            C(lr * (1.0 - mu) / (1.0 - muProduct)),
            C(lr * muNext / (1.0 - muProductNext))), p, g, Buffer(0, group), Buffer(1, group));
    }

    // Keras: Π ← (Π·β1)·(1 − 0.5·0.96^t) once per step, kept in the working precision as Keras keeps it in a variable.
    private void StepKeras(int index, ParameterGroup<NAdamOptions> group, Span<T> p, ReadOnlySpan<T> g, long t, double beta1, double bc2, double lr)
    {
        var o = group.Options;
        T b1 = C(beta1);
        T mu = b1 * C(1.0 - 0.5 * Math.Pow(0.96, t)), muNext = b1 * C(1.0 - 0.5 * Math.Pow(0.96, t + 1));
        Span<double> scalars = GroupScalars(index);
        T product = C(scalars[0]) * b1 * C(1.0 - 0.5 * Math.Pow(0.96, t));
        scalars[0] = double.CreateTruncating(product);
        UpdateLoop.Run(Kernel, Prologue(index), new NAdamKerasUpdate<T>(C(1 - beta1), C(1 - o.Beta2), muNext, T.One - product * muNext, T.One - mu, T.One - product,
            C(bc2), C(lr), C(o.Epsilon)), p, g, Buffer(0, group), Buffer(1, group));
    }
}
