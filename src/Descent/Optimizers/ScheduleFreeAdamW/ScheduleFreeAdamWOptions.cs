namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="ScheduleFreeAdamW{T}"/>; the initializers are the defaults of facebookresearch/schedule_free's
/// <c>AdamWScheduleFree</c> (1.4.1): <c>lr</c> 0.0025, <c>betas</c> (0.9, 0.999), <c>eps</c> 1e-8, <c>weight_decay</c> 0,
/// <c>warmup_steps</c> 0, <c>r</c> 0, <c>weight_lr_power</c> 2. Its weight decay is its own (<c>wd·y</c> added to
/// the normalized gradient), so <c>decoupled_weight_decay</c> stays false.
/// </summary>
public sealed record ScheduleFreeAdamWOptions : OptimizerOptions
{
    /// <summary>schedule_free's defaults.</summary>
    public ScheduleFreeAdamWOptions() => LearningRate = 0.0025;

    /// <inheritdoc/>
    public override string Name => "schedule-free-adamw";

    /// <summary>
    /// <c>β1</c>, the interpolation between the averaged point x and the base sequence z at which gradients are taken:
    /// <c>y = (1−β1)·z + β1·x</c>; in (0, 1).
    /// </summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the squared-gradient average.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary><c>eps</c>, added to the bias-corrected root of the squared-gradient average.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Steps of linear learning-rate warmup (<c>lr·(k+1)/warmup_steps</c> for the first ones).</summary>
    public int WarmupSteps { get; init; }

    /// <summary>Power <c>r</c> of the polynomial weighting <c>(k+1)^r</c> of the average.</summary>
    public double R { get; init; }

    /// <summary>Each point's weight in the average also carries <c>lr_max^weight_lr_power</c> (the largest rate so far).</summary>
    public double WeightLrPower { get; init; } = 2;

    /// <summary>The defaults, whatever the convention: only schedule_free defines the rule.</summary>
    public static ScheduleFreeAdamWOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        // beta1 = 0 would put x at lerp(y, z, -inf).
        if (!(Beta1 > 0 && Beta1 < 1)) yield return $"beta1 must be in (0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0) || double.IsInfinity(Epsilon)) yield return $"eps must be >= 0 and finite, got {Epsilon}";
        if (WarmupSteps < 0) yield return $"warmup_steps must be >= 0, got {WarmupSteps}";
        if (!double.IsFinite(R)) yield return $"r must be finite, got {R}";
        if (!double.IsFinite(WeightLrPower)) yield return $"weight_lr_power must be finite, got {WeightLrPower}";
        if (DecoupledWeightDecay) yield return "decoupled_weight_decay=true is not a mode of schedule-free-adamw: its weight_decay adds wd·y to the normalized gradient; set decoupled_weight_decay=false";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new ScheduleFreeAdamW<T>(length, this);
}
