namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Lbfgs{T}"/>; the initializers are torch.optim.LBFGS 1.13's defaults: <c>lr</c> 1, <c>max_iter</c>
/// 20, <c>max_eval</c> max_iter·5/4 (null: derived), <c>tolerance_grad</c> 1e-7, <c>tolerance_change</c> 1e-9,
/// <c>history_size</c> 100, no line search. One step is one <c>step(closure)</c>: up to <c>max_iter</c> L-BFGS iterations.
/// torch's LBFGS has no weight decay and no clipping (add a decay to the loss); a schedule sets its <c>lr</c> per step.
/// </summary>
public sealed record LbfgsOptions : OptimizerOptions
{
    /// <summary>The most history pairs a spec may keep: each costs two copies of the parameters.</summary>
    public const int MaxHistory = 1_000;

    /// <summary>The most iterations one step may take.</summary>
    public const int MaxIterations = 100_000;

    /// <summary>Strong-Wolfe line search: the most evaluations it takes (torch's <c>max_ls</c>).</summary>
    public const int MaxLineSearch = 25;

    /// <summary>torch's defaults.</summary>
    public LbfgsOptions() => LearningRate = 1;

    /// <inheritdoc/>
    public override string Name => "lbfgs";

    /// <summary>Iterations per step (<c>max_iter</c>).</summary>
    public int MaxIter { get; init; } = 20;

    /// <summary>Function evaluations per step after which it stops (<c>max_eval</c>); null for <c>max_iter·5/4</c>.</summary>
    public int? MaxEval { get; init; }

    /// <summary><see cref="MaxEval"/> as the step uses it.</summary>
    public int EffectiveMaxEval => MaxEval ?? MaxIter * 5 / 4;

    /// <summary>A step stops when the largest gradient component is at most this (<c>tolerance_grad</c>).</summary>
    public double ToleranceGrad { get; init; } = 1e-7;

    /// <summary>A step stops when the loss or the move changes by less than this (<c>tolerance_change</c>).</summary>
    public double ToleranceChange { get; init; } = 1e-9;

    /// <summary>Pairs (s, y) kept for the inverse-Hessian estimate (<c>history_size</c>).</summary>
    public int HistorySize { get; init; } = 100;

    /// <summary><c>line_search=strong_wolfe</c> (torch's <c>line_search_fn="strong_wolfe"</c>) instead of fixed steps of lr.</summary>
    public bool StrongWolfe { get; init; }

    /// <summary>The defaults, whatever the convention: only torch defines the rule.</summary>
    public static LbfgsOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (MaxIter < 1 || MaxIter > MaxIterations) yield return $"max_iter must be in 1..{MaxIterations}, got {MaxIter}";
        if (MaxEval is < 1) yield return $"max_eval must be >= 1, got {MaxEval}";
        if (!(ToleranceGrad >= 0) || double.IsInfinity(ToleranceGrad)) yield return $"tolerance_grad must be >= 0 and finite, got {ToleranceGrad}";
        if (!(ToleranceChange >= 0) || double.IsInfinity(ToleranceChange)) yield return $"tolerance_change must be >= 0 and finite, got {ToleranceChange}";
        // torch pops from an empty history at history_size=0.
        if (HistorySize < 1 || HistorySize > MaxHistory) yield return $"history_size must be in 1..{MaxHistory}, got {HistorySize} (each pair keeps two copies of the parameters)";
        if (WeightDecay != 0 || DecoupledWeightDecay) yield return "torch.optim.LBFGS has no weight decay; add the decay term to the loss";
        if (ClipNorm is not null || ClipValue is not null) yield return "torch.optim.LBFGS does not clip: it compares losses along its direction";
    }

    /// <summary>
    /// The most gradient evaluations one step can take (what a run's budget counts): one to start, then one per
    /// iteration, or up to <see cref="MaxLineSearch"/> + 1 per line search, stopping once <c>max_eval</c> is reached.
    /// </summary>
    public override int GradientsPerStep()
    {
        long perIteration = StrongWolfe ? MaxLineSearch + 1 : 1;
        long bound = Math.Min(1 + perIteration * MaxIter, Math.Max(EffectiveMaxEval, 1) + perIteration);
        return (int)Math.Min(bound, int.MaxValue);
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Lbfgs<T>(length, this);
}
