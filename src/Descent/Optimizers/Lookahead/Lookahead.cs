using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Lookahead (Zhang et al. 2019, <i>Lookahead Optimizer: k steps forward, 1 step back</i>) as timm's
/// <c>timm/optim/lookahead.py</c> computes it: the inner rule steps the parameters (the fast weights); after every
/// k-th step the slow weights move toward them and the parameters are set back to the slow weights:
/// <code>
/// p ← inner step(p, g)                                   every step
/// slow ← slow + α·(p − slow) ;  p ← slow                  when t mod k = 0
/// </code>
/// As in timm the slow buffer is created lazily, at the first sync, from the fast weights of that step: step k
/// changes nothing and the first pull-back comes at step 2k. State: the inner rule's buffers, then <c>slow_buffer</c>.
/// </summary>
public sealed class Lookahead<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Optimizer<T> _inner;
    private readonly int _k;
    private readonly T _alpha;

    /// <summary>Lookahead over <paramref name="length"/> parameters, its inner rule created from <paramref name="options"/>.</summary>
    public Lookahead(int length, LookaheadOptions options) : this(Validated(options), length) { }

    // The inner rule runs its passes with the wrapper's kernel settings (a bench's --threads reaches it).
    private Lookahead(LookaheadOptions options, int length) : this(options, (options.Inner with { Kernel = options.Kernel }).Create<T>(length)) { }

    private Lookahead(LookaheadOptions options, Optimizer<T> inner) : base(inner, ["slow_buffer"], 1)
    {
        _inner = inner;
        _k = options.K;
        _alpha = T.CreateTruncating(options.Alpha);
    }

    private static LookaheadOptions Validated(LookaheadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    /// <inheritdoc/>
    public override string Name => "lookahead";

    /// <summary>The rule that takes the fast steps.</summary>
    public Optimizer<T> Inner => _inner;

    /// <inheritdoc/>
    public override bool NeedsOracle => _inner.NeedsOracle;

    /// <inheritdoc/>
    public override bool NeedsLoss => _inner.NeedsLoss;

    /// <inheritdoc/>
    public override IReadOnlyList<string> CounterNames => _inner.CounterNames;

    /// <inheritdoc/>
    public override double Counter(string name) => _inner.Counter(name);

    /// <inheritdoc/>
    public override double? CurrentLearningRate(int group = 0) => _inner.CurrentLearningRate(group);

    /// <inheritdoc/>
    public override void StepEpochSchedules(double loss) => _inner.StepEpochSchedules(loss);

    /// <inheritdoc/>
    protected override void StepCore(Span<T> parameters, ReadOnlySpan<T> gradients, long t)
    {
        if (StepLoss is double loss) _inner.Step(parameters, gradients, loss);
        else _inner.Step(parameters, gradients);
        Sync(parameters, t);
    }

    /// <inheritdoc/>
    protected override void StepCore(Span<T> parameters, GradientOracle<T> oracle, long t)
    {
        if (StepLoss is double loss) _inner.Step(parameters, oracle, loss);
        else _inner.Step(parameters, oracle);
        Sync(parameters, t);
    }

    /// <inheritdoc/>
    protected override double StepCore(Span<T> parameters, LossOracle<T> oracle, long t)
    {
        double loss = _inner.Step(parameters, oracle);
        Sync(parameters, t);
        return loss;
    }

    private void Sync(Span<T> p, long t)
    {
        if (t % _k != 0) return;
        Span<T> slow = Buffer(_inner.StateNames.Count);
        if (Scalars[^1] == 0)
        {
            p.CopyTo(slow);
            Scalars[^1] = 1;
        }
        // torch's slow.add_(fast - slow, alpha=α): one fused multiply-add on its CPU kernels.
        for (int i = 0; i < p.Length; i++)
        {
            slow[i] = T.FusedMultiplyAdd(_alpha, p[i] - slow[i], slow[i]);
            p[i] = slow[i];
        }
    }

    /// <inheritdoc/>
    protected override void BeforeSave() => _inner.SaveScalars(Scalars.AsSpan(0, _inner.ScalarCount));

    /// <inheritdoc/>
    protected override void AfterLoad() => _inner.LoadScalars(Scalars.AsSpan(0, _inner.ScalarCount), StepCount);
}
