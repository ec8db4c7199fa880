namespace Descent.Optimizers;

/// <summary>Options of <see cref="Adamax{T}"/>; the property initializers are PyTorch's defaults.</summary>
public sealed record AdamaxOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "adamax";

    /// <summary>Step size <c>lr</c>.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Decay <c>β1</c> of the first-moment average.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the infinity norm.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Epsilon: inside the max in PyTorch, added to the norm in the lecture and Lasagne.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 penalty added to the gradient (<c>g += wd·p</c>, PyTorch).</summary>
    public double WeightDecay { get; init; }

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static AdamaxOptions For(Convention convention) => convention == Convention.Lecture
        ? new() { Convention = convention, LearningRate = 0.25 }
        : new() { Convention = convention };

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(LearningRate >= 0)) yield return $"lr must be >= 0, got {LearningRate}";
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"beta1 must be in [0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0)) yield return $"eps must be >= 0, got {Epsilon}";
        if (!(WeightDecay >= 0)) yield return $"weight_decay must be >= 0, got {WeightDecay}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Adamax<T>(length, this);
}
