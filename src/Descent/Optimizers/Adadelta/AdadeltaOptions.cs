namespace Descent.Optimizers;

/// <summary>Options of <see cref="Adadelta{T}"/>; the property initializers are PyTorch's defaults.</summary>
public sealed record AdadeltaOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "adadelta";

    /// <summary>PyTorch's defaults: <c>lr</c> 1.</summary>
    public AdadeltaOptions() => LearningRate = 1.0;

    /// <summary>Decay <c>ρ</c> of both running averages.</summary>
    public double Rho { get; init; } = 0.9;

    /// <summary>Epsilon, inside both roots.</summary>
    public double Epsilon { get; init; } = 1e-6;

    /// <summary>
    /// Starting value <c>D0</c> of the squared-update average: 0 is every library's "zero start", whose first steps
    /// are tiny whatever the gradient; the lecture's "big start" uses 50.
    /// </summary>
    public double InitialDelta { get; init; }

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static AdadeltaOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, Epsilon = 1e-3 },
        Convention.Lasagne => new() { Convention = convention, Rho = 0.95 },
        Convention.Keras => new() { Convention = convention, LearningRate = 1e-3, Rho = 0.95, Epsilon = 1e-7 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Rho >= 0 && Rho < 1)) yield return $"rho must be in [0, 1), got {Rho}";
        // With eps = 0 and a zero start the numerator √(D + eps) stays 0 and the rule never moves.
        if (!(Epsilon > 0)) yield return $"eps must be > 0, got {Epsilon}";
        if (!(InitialDelta >= 0)) yield return $"initial_delta must be >= 0, got {InitialDelta}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Adadelta<T>(length, this);
}
