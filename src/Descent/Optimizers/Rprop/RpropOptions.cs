namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Rprop{T}"/>; the initializers are <c>torch.optim.Rprop</c>'s defaults (PyTorch 1.13):
/// <c>lr</c> 1e-2 (the first step size), <c>etas</c> (0.5, 1.2), <c>step_sizes</c> (1e-6, 50).
/// </summary>
public sealed record RpropOptions : OptimizerOptions
{
    /// <summary>PyTorch's defaults.</summary>
    public RpropOptions() => LearningRate = 1e-2;

    /// <inheritdoc/>
    public override string Name => "rprop";

    /// <summary>Factor <c>η−</c> a step size shrinks by when its gradient changes sign (<c>etas[0]</c>).</summary>
    public double EtaMinus { get; init; } = 0.5;

    /// <summary>Factor <c>η+</c> a step size grows by while its gradient keeps its sign (<c>etas[1]</c>).</summary>
    public double EtaPlus { get; init; } = 1.2;

    /// <summary>Smallest step size (<c>step_sizes[0]</c>).</summary>
    public double StepMin { get; init; } = 1e-6;

    /// <summary>Largest step size (<c>step_sizes[1]</c>).</summary>
    public double StepMax { get; init; } = 50;

    /// <summary>The defaults, whatever the convention: only PyTorch defines the rule here.</summary>
    public static RpropOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        // torch refuses anything but 0 < eta_minus < 1 < eta_plus; the kernel tells the three factors apart by value.
        if (!(EtaMinus > 0 && EtaMinus < 1 && EtaPlus > 1 && double.IsFinite(EtaPlus)))
            yield return $"eta_minus and eta_plus must satisfy 0 < eta_minus < 1 < eta_plus (finite), got {EtaMinus} and {EtaPlus}";
        if (!(StepMin >= 0 && StepMin <= StepMax && double.IsFinite(StepMax)))
            yield return $"step_min and step_max must satisfy 0 <= step_min <= step_max (finite), got {StepMin} and {StepMax}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Rprop<T>(length, this);
}
