namespace Descent.Optimizers;

/// <summary>
/// The hyperparameters every Adam-like rule shares (Adam, AdamW, Adamax, NAdam, RAdam): a learning rate, the
/// decays of the two moment averages, epsilon and L2 weight decay. The initializers are PyTorch's Adam
/// defaults; a rule whose PyTorch default differs sets it in its own constructor.
/// </summary>
public abstract record AdamFamilyOptions : OptimizerOptions
{
    /// <summary>Step size <c>lr</c>.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Decay <c>β1</c> of the first-moment average.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the second-moment average (or of the infinity norm, for Adamax).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Epsilon; where it sits depends on the rule and the convention.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 penalty added to the gradient (<c>g += wd·p</c>; decoupled in AdamW).</summary>
    public double WeightDecay { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(LearningRate >= 0)) yield return $"lr must be >= 0, got {LearningRate}";
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"beta1 must be in [0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0)) yield return $"eps must be >= 0, got {Epsilon}";
        if (!(WeightDecay >= 0)) yield return $"weight_decay must be >= 0, got {WeightDecay}";
    }
}
