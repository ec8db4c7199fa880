namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Lion{T}"/>; the initializers are the defaults of lucidrains/lion-pytorch's <c>Lion</c>:
/// <c>lr</c> 1e-4, <c>betas</c> (0.9, 0.99), and its weight decay, which is decoupled (<c>p ← p·(1 − lr·wd)</c>
/// before the step), so <see cref="OptimizerOptions.DecoupledWeightDecay"/> is on by default.
/// </summary>
public sealed record LionOptions : OptimizerOptions
{
    /// <summary>lion-pytorch's defaults.</summary>
    public LionOptions()
    {
        LearningRate = 1e-4;
        DecoupledWeightDecay = true;
    }

    /// <inheritdoc/>
    public override string Name => "lion";

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Beta1, true);

    /// <summary>Weight <c>β1</c> of the momentum in the interpolation whose sign is the step.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay <c>β2</c> of the momentum that is kept.</summary>
    public double Beta2 { get; init; } = 0.99;

    /// <summary>The defaults: Keras's <c>Lion</c> (lr 1e-3) under keras, lion-pytorch's in every other convention.</summary>
    public static LionOptions For(Convention convention) => convention == Convention.Keras
        ? new() { Convention = convention, LearningRate = 1e-3 }
        : new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        // lion-pytorch asserts 0 <= beta <= 1 for both.
        if (!(Beta1 >= 0 && Beta1 <= 1)) yield return $"beta1 must be in [0, 1], got {Beta1}";
        if (!(Beta2 >= 0 && Beta2 <= 1)) yield return $"beta2 must be in [0, 1], got {Beta2}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Lion<T>(length, this);
}
