namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Lamb{T}"/>; the initializers are the defaults of timm's <c>Lamb</c>: <c>lr</c> 1e-3,
/// <c>betas</c> (0.9, 0.999), <c>eps</c> 1e-6, <c>weight_decay</c> 0.01, <c>bias_correction</c> on,
/// <c>max_grad_norm</c> 1, <c>trust_clip</c> and <c>always_adapt</c> off. Its weight decay is its own
/// (<c>wd·p</c> added to the update, inside the trust ratio), so <c>decoupled_weight_decay</c> stays false.
/// </summary>
public sealed record LambOptions : OptimizerOptions
{
    /// <summary>timm's defaults.</summary>
    public LambOptions()
    {
        LearningRate = 1e-3;
        WeightDecay = 0.01;
    }

    /// <inheritdoc/>
    public override string Name => "lamb";

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Beta1, true);

    /// <summary>Decay <c>β1</c> of the gradient's running average.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the squared gradient's running average.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary><c>eps</c>, added to the bias-corrected root of the squared-gradient average.</summary>
    public double Epsilon { get; init; } = 1e-6;

    /// <summary>Adam's bias corrections of both averages (off: both corrections are 1).</summary>
    public bool BiasCorrection { get; init; } = true;

    /// <summary>
    /// The gradient is divided by <c>max(‖g‖/max_grad_norm, 1)</c>, its norm over every group of the optimizer;
    /// 0 turns that off (timm's <c>None</c>).
    /// </summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>LAMBC: the trust ratio is at most 1.</summary>
    public bool TrustClip { get; init; }

    /// <summary>The trust ratio also where <c>weight_decay</c> is 0 (timm skips it there by default).</summary>
    public bool AlwaysAdapt { get; init; }

    /// <summary>
    /// The defaults: Keras's <c>Lamb</c> under keras (lr 1e-3, eps 1e-7, no weight decay, no gradient pre-scaling),
    /// timm's in every other convention.
    /// </summary>
    public static LambOptions For(Convention convention) => convention == Convention.Keras
        ? new() { Convention = convention, Epsilon = 1e-7, WeightDecay = 0, MaxGradNorm = 0 }
        : new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Beta1 >= 0 && Beta1 < 1)) yield return $"beta1 must be in [0, 1), got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 < 1)) yield return $"beta2 must be in [0, 1), got {Beta2}";
        if (!(Epsilon >= 0) || double.IsInfinity(Epsilon)) yield return $"eps must be >= 0 and finite, got {Epsilon}";
        if (!(MaxGradNorm >= 0) || double.IsInfinity(MaxGradNorm)) yield return $"max_grad_norm must be >= 0 and finite (0: no pre-scaling), got {MaxGradNorm}";
        if (DecoupledWeightDecay) yield return "decoupled_weight_decay=true is not a mode of lamb: its weight_decay adds wd·p to the update before the trust ratio; set decoupled_weight_decay=false";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Lamb<T>(length, this);
}
