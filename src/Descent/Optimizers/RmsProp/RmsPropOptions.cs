namespace Descent.Optimizers;

/// <summary>Options of <see cref="RmsProp{T}"/>; the property initializers are PyTorch's defaults.</summary>
public sealed record RmsPropOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "rmsprop";

    /// <summary>PyTorch's defaults: <c>lr</c> 0.01.</summary>
    public RmsPropOptions() => LearningRate = 1e-2;

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Momentum, false);

    /// <summary>Decay <c>ρ</c> of the squared-gradient average (PyTorch's <c>alpha</c>, the lecture's <c>γ</c>).</summary>
    public double Rho { get; init; } = 0.99;

    /// <summary>Epsilon: outside the root in PyTorch, inside it in the lecture and Lasagne.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Momentum <c>μ</c> of the scaled step (PyTorch); 0 keeps no momentum buffer.</summary>
    public double Momentum { get; init; }

    /// <summary>Centered RMSProp (Graves, 2013): divide by an estimate of the variance instead of the raw second moment.</summary>
    public bool Centered { get; init; }

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static RmsPropOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, LearningRate = 0.25, Rho = 0.9, Epsilon = 1e-5 },
        Convention.Lasagne => new() { Convention = convention, LearningRate = 1.0, Rho = 0.9, Epsilon = 1e-6 },
        Convention.Keras => new() { Convention = convention, LearningRate = 1e-3, Rho = 0.9, Epsilon = 1e-7 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Rho >= 0 && Rho < 1)) yield return $"rho must be in [0, 1), got {Rho}";
        if (!(Epsilon >= 0)) yield return $"eps must be >= 0, got {Epsilon}";
        if (!(Momentum >= 0)) yield return $"momentum must be >= 0, got {Momentum}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new RmsProp<T>(length, this);
}
