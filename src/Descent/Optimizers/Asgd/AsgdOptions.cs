namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Asgd{T}"/>; the initializers are <c>torch.optim.ASGD</c>'s defaults (PyTorch 1.13):
/// <c>lr</c> 1e-2, <c>lambd</c> 1e-4, <c>alpha</c> 0.75, <c>t0</c> 1e6 (its <c>weight_decay</c> is the shared L2 key).
/// </summary>
public sealed record AsgdOptions : OptimizerOptions
{
    /// <summary>PyTorch's defaults.</summary>
    public AsgdOptions() => LearningRate = 1e-2;

    /// <inheritdoc/>
    public override string Name => "asgd";

    /// <summary>Decay term <c>λ</c>: the parameter shrinks by <c>1 − λ·η</c> each step, and η decays with it.</summary>
    public double Lambd { get; init; } = 1e-4;

    /// <summary>Power <c>α</c> of the step-size decay <c>η = lr/(1 + λ·lr·t)^α</c>.</summary>
    public double Alpha { get; init; } = 0.75;

    /// <summary>Step <c>t0</c> from which the average <c>ax</c> starts to average (before it, it copies the parameter).</summary>
    public double T0 { get; init; } = 1e6;

    /// <summary>The defaults, whatever the convention: only PyTorch defines the rule here.</summary>
    public static AsgdOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Lambd >= 0) || double.IsInfinity(Lambd)) yield return $"lambd must be >= 0 and finite, got {Lambd}";
        if (!double.IsFinite(Alpha)) yield return $"alpha must be finite, got {Alpha}";
        if (!double.IsFinite(T0)) yield return $"t0 must be finite, got {T0}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Asgd<T>(length, this);
}
