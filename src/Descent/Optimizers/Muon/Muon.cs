using System.Numerics;
using Descent.Kernels;
using Descent.Tensors;

namespace Descent.Optimizers;

/// <summary>
/// Muon, momentum orthogonalized by Newton–Schulz (Jordan et al. 2024), as <c>torch.optim.Muon</c> computes it
/// for each group's matrix (rows × cols, see <see cref="ParameterGroup{TOptions}.Rows"/>):
/// <code>
/// B ← lerp(B, g, 1 − μ) ;  B̃ = lerp(g, B, μ) (nesterov) or B
/// O = NS(B̃) in bfloat16 (<see cref="NewtonSchulz"/>) ;  p ← p·(1 − lr·wd) ;  p ← p − lr'·O
/// </code>
/// with <c>lr' = lr·√max(1, rows/cols)</c> or <c>0.2·√max(rows, cols)·lr</c>. <c>lerp</c> is torch's fused
/// form: <c>fma(w, b − a, a)</c> for <c>|w| &lt; 0.5</c>, else <c>fma(a − b, 1 − w, b)</c>. Groups whose options
/// have <see cref="MuonOptions.UseMuon"/> off take PyTorch's AdamW step instead (betas 0.9, 0.999, eps 1e-8):
/// <c>descent train</c> puts biases and the output layer there.
/// </summary>
public sealed class Muon<T> : GroupedOptimizer<T, MuonOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NewtonSchulz?[] _ns;
    private float[] _update = [], _orthogonal = [];
    private T[] _gradient = [];

    /// <summary>One group, the 1×<paramref name="length"/> matrix.</summary>
    public Muon(int length, MuonOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each a matrix with its own options, or an AdamW group.</summary>
    public Muon(int length, IReadOnlyList<ParameterGroup<MuonOptions>> groups)
        : base(length, groups, groups.Any(g => !g.Options.UseMuon) ? ["momentum_buffer", "exp_avg", "exp_avg_sq"] : ["momentum_buffer"])
    {
        _ns = new NewtonSchulz?[Groups.Count];
        foreach (var g in Groups)
            if (g.Options.UseMuon && (g.Rows < 1 || g.Length % g.Rows != 0))
                throw new ArgumentException($"A group of {g.Length} parameters is not a matrix of {g.Rows} rows.", nameof(groups));
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<MuonOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        if (group.Length == 0) return;
        var o = group.Options;
        if (!o.UseMuon)
        {
            StepAdamW(index, group, p, g, t);
            return;
        }
        int n = group.Length;
        if (_gradient.Length < n) _gradient = new T[n];
        if (_update.Length < n) (_update, _orthogonal) = (new float[n], new float[n]);
        var gw = _gradient.AsSpan(0, n);
        var pre = Prologue(index);
        for (int i = 0; i < n; i++)
        {
            var lp = new Lane<T>(p[i]);
            var lg = new Lane<T>(g[i]);
            pre.Apply(ref lp, ref lg);
            p[i] = lp.Value;
            gw[i] = lg.Value;
        }
        double mu = Momentum(index, o.Momentum), lr = LearningRate(index);
        var buf = Buffer(0, group);
        var update = _update.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            buf[i] = Lerp(buf[i], gw[i], 1 - mu);
            update[i] = float.CreateTruncating(o.Nesterov ? Lerp(gw[i], buf[i], mu) : buf[i]);
        }
        var ns = _ns[index] ??= new NewtonSchulz(group.Rows, group.Columns);
        var orthogonal = _orthogonal.AsSpan(0, n);
        ns.Run(update, group.ColumnMajor, o.NewtonSchulzSteps, o.Epsilon, orthogonal);
        T step = C(-AdjustedLearningRate(lr, o.AdjustLearningRate, group.Rows, group.Columns));
        for (int i = 0; i < n; i++) p[i] = T.FusedMultiplyAdd(step, T.CreateTruncating(orthogonal[i]), p[i]);
    }

    /// <summary>Upstream's <c>_adjust_lr</c>: the ratio first, then times lr.</summary>
    public static double AdjustedLearningRate(double lr, MuonLearningRateAdjustment adjustment, int rows, int columns) =>
        lr * (adjustment == MuonLearningRateAdjustment.MatchRmsAdamW
            ? 0.2 * Math.Sqrt(Math.Max(rows, columns))
            : Math.Sqrt(Math.Max(1, (double)rows / columns)));

    /// <summary>torch 1.13's <c>lerp</c> with a scalar weight, in the working precision.</summary>
    private static T Lerp(T a, T b, double weight)
    {
        T w = C(weight);
        return Math.Abs(weight) < 0.5 ? T.FusedMultiplyAdd(w, b - a, a) : T.FusedMultiplyAdd(a - b, T.One - w, b);
    }

    private void StepAdamW(int index, ParameterGroup<MuonOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        double lr = LearningRate(index);
        double bc1 = 1 - Math.Pow(beta1, t), bc2 = 1 - Math.Pow(beta2, t);
        var moments = new AdamMoments<T>(C(beta1), C(1 - beta1), C(beta2), C(1 - beta2), fused: true);
        UpdateLoop.Run(Kernel, Prologue(index), new AdamUpdate<T>(moments, C(lr / bc1), C(Math.Sqrt(bc2)), C(eps)), p, g, Buffer(1, group), Buffer(2, group));
    }
}
