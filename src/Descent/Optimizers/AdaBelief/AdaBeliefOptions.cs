namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="AdaBelief{T}"/>; the initializers are the defaults of adabelief-pytorch 0.2.1's
/// <c>AdaBelief</c>: <c>lr</c> 1e-3, <c>betas</c> (0.9, 0.999), <c>eps</c> 1e-16, <c>rectify</c> on, and its weight
/// decay, which is decoupled (<c>weight_decouple=True</c>: <c>p ← p·(1 − lr·wd)</c> before the step), so
/// <see cref="OptimizerOptions.DecoupledWeightDecay"/> is on by default; off, it is the package's L2 term
/// <c>g ← g + wd·p</c>.
/// </summary>
public sealed record AdaBeliefOptions : OptimizerOptions
{
    /// <summary>adabelief-pytorch 0.2.1's defaults.</summary>
    public AdaBeliefOptions()
    {
        LearningRate = 1e-3;
        DecoupledWeightDecay = true;
    }

    /// <inheritdoc/>
    public override string Name => "adabelief";

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Beta1, true);

    /// <summary>Decay <c>β1</c> of the gradient's running average <c>m</c>.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the running "belief" <c>s</c>, the average of <c>(g − m)²</c>.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary><c>eps</c>: added to <c>s</c> in place every step (so it accumulates in the state) and to the denominator.</summary>
    public double Epsilon { get; init; } = 1e-16;

    /// <summary>
    /// RAdam's rectification (the package's default): while the variance estimate is intractable (<c>N_sma &lt; 5</c>,
    /// the first five steps at β2 = 0.999) the step is bias-corrected momentum alone (<c>degenerated_to_sgd</c>).
    /// </summary>
    public bool Rectify { get; init; } = true;

    /// <summary>The defaults, whatever the convention: only adabelief-pytorch defines the rule.</summary>
    public static AdaBeliefOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        // The package's own checks: 0 <= beta < 1, eps >= 0.
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"beta1 must be in [0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0) || double.IsInfinity(Epsilon)) yield return $"eps must be >= 0 and finite, got {Epsilon}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new AdaBelief<T>(length, this);
}
