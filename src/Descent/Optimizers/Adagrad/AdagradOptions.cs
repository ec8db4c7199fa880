namespace Descent.Optimizers;

/// <summary>Options of <see cref="Adagrad{T}"/>; the property initializers are PyTorch's defaults.</summary>
public sealed record AdagradOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "adagrad";

    /// <summary>PyTorch's defaults: <c>lr</c> 0.01.</summary>
    public AdagradOptions() => LearningRate = 1e-2;

    /// <summary>Epsilon: outside the root in PyTorch, inside it in the lecture and Lasagne.</summary>
    public double Epsilon { get; init; } = 1e-10;

    /// <summary>PyTorch's learning-rate decay: step <c>t</c> uses <c>lr/(1 + (t−1)·lr_decay)</c>.</summary>
    public double LearningRateDecay { get; init; }

    /// <summary>Starting value of the accumulator <c>G</c> (PyTorch's <c>initial_accumulator_value</c>).</summary>
    public double InitialAccumulator { get; init; }

    /// <summary>The lecture's exponent of the denominator <c>(G + eps)^power</c>; 0.5 is the square root, 1 "no root".</summary>
    public double Power { get; init; } = 0.5;

    /// <summary>What the lecture's accumulator sums: <c>g²</c> or <c>|g|</c>.</summary>
    public AdagradAccumulate Accumulate { get; init; } = AdagradAccumulate.Squares;

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static AdagradOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, LearningRate = 2.5, Epsilon = 1e-7 },
        Convention.Lasagne => new() { Convention = convention, LearningRate = 1.0, Epsilon = 1e-6 },
        Convention.Keras => new() { Convention = convention, LearningRate = 1e-3, Epsilon = 1e-7, InitialAccumulator = 0.1 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Epsilon >= 0)) yield return $"eps must be >= 0, got {Epsilon}";
        if (!(LearningRateDecay >= 0)) yield return $"lr_decay must be >= 0, got {LearningRateDecay}";
        if (!(InitialAccumulator >= 0)) yield return $"initial_accumulator must be >= 0, got {InitialAccumulator}";
        if (!(Power > 0) || double.IsInfinity(Power)) yield return $"power must be > 0 and finite, got {Power}";
        if (!Enum.IsDefined(Accumulate)) yield return $"accumulate must be squares or abs, got {Accumulate}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Adagrad<T>(length, this);
}
