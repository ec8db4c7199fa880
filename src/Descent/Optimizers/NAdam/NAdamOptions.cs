namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="NAdam{T}"/>: PyTorch's defaults, in every convention (neither the lecture nor Lasagne
/// defines NAdam).
/// </summary>
public sealed record NAdamOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "nadam";

    /// <summary>Step size <c>lr</c>.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Base momentum <c>β1</c> of Dozat's schedule.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the second-moment average.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Epsilon, outside the root.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 penalty added to the gradient (<c>g += wd·p</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary><c>ψ</c> of the momentum schedule <c>μ_t = β1·(1 − 0.5·0.96^(t·ψ))</c>.</summary>
    public double MomentumDecay { get; init; } = 4e-3;

    /// <summary>The defaults of <paramref name="convention"/> (PyTorch's, whatever the convention).</summary>
    public static NAdamOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(LearningRate >= 0)) yield return $"lr must be >= 0, got {LearningRate}";
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"beta1 must be in [0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0)) yield return $"eps must be >= 0, got {Epsilon}";
        if (!(WeightDecay >= 0)) yield return $"weight_decay must be >= 0, got {WeightDecay}";
        if (!(MomentumDecay >= 0)) yield return $"momentum_decay must be >= 0, got {MomentumDecay}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new NAdam<T>(length, this);
}
