namespace Descent.Optimizers;

/// <summary>
/// The hyperparameters every Adam-like rule shares (Adam, AdamW, Adamax, NAdam, RAdam): the decays of
/// the two moment averages and epsilon. The initializers are PyTorch's Adam defaults; a rule whose
/// PyTorch default differs sets it in its own constructor.
/// </summary>
public abstract record AdamFamilyOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Beta1, true);

    /// <summary>Decay <c>β1</c> of the first-moment average.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the second-moment average (or of the infinity norm, for Adamax).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Epsilon; where it sits depends on the rule and the convention.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"beta1 must be in [0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0)) yield return $"eps must be >= 0, got {Epsilon}";
    }
}
