using Descent.Specs;

namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Lookahead{T}"/>: the rule it wraps (<see cref="Inner"/>, any registered or typed rule, read
/// under the same convention) and timm's defaults <c>k</c> 6, <c>alpha</c> 0.5. The learning rate, weight decay,
/// schedule and clipping are the inner rule's: this record mirrors them (read-only in effect), so a run that asks
/// "which learning rate, which schedule" gets the inner rule's answer. Spec: <c>lookahead(adam(lr=0.1), k=5, alpha=0.5)</c>.
/// </summary>
public sealed record LookaheadOptions : OptimizerOptions
{
    /// <summary>Wraps <c>adam</c> at PyTorch's defaults, as <c>lookahead</c> alone does.</summary>
    public LookaheadOptions() => Inner = new AdamOptions();

    /// <inheritdoc/>
    public override string Name => "lookahead";

    /// <summary>The rule that takes the fast steps (timm's <c>base_optimizer</c>).</summary>
    public OptimizerOptions Inner
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
            // The shared settings belong to the inner rule; mirrored so that callers reading them see its values.
            LearningRate = value.LearningRate;
            WeightDecay = value.WeightDecay;
            DecoupledWeightDecay = value.DecoupledWeightDecay;
            Schedule = value.Schedule;
            ClipNorm = value.ClipNorm;
            ClipValue = value.ClipValue;
        }
    }

    /// <summary>Fast steps per slow step (<c>lookahead_k</c>), at least 1.</summary>
    public int K { get; init; } = 6;

    /// <summary>Slow step size (<c>lookahead_alpha</c>) in [0, 1]: slow ← slow + α·(fast − slow).</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>timm's defaults around <c>adam</c> at the defaults of <paramref name="convention"/>.</summary>
    public static LookaheadOptions For(Convention convention) =>
        new() { Convention = convention, Inner = OptimizerCatalog.Find("adam").Defaults(convention) };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        // timm's checks.
        if (K < 1) yield return $"k must be >= 1, got {K}";
        if (!(Alpha >= 0 && Alpha <= 1)) yield return $"alpha must be in [0, 1], got {Alpha}";
        if (LearningRate != Inner.LearningRate || WeightDecay != Inner.WeightDecay || DecoupledWeightDecay != Inner.DecoupledWeightDecay
            || Schedule != Inner.Schedule || ClipNorm != Inner.ClipNorm || ClipValue != Inner.ClipValue)
            yield return $"lr, weight decay, schedule and clipping belong to the inner rule; write them inside it, e.g. lookahead({Inner.Name}(lr=0.1))";
        foreach (string problem in Inner.Validate()) yield return $"{Inner.Name}: {problem}";
    }

    /// <inheritdoc/>
    public override int GradientsPerStep() => Inner.GradientsPerStep();

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Lookahead<T>(length, this);
}
