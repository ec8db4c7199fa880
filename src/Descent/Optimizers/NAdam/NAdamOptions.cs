namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="NAdam{T}"/>: PyTorch's defaults, in every convention but Keras's (neither the lecture nor
/// Lasagne defines NAdam; Keras's has lr 1e-3, eps 1e-7 and no <c>momentum_decay</c>: its schedule is 0.96^t).
/// </summary>
public sealed record NAdamOptions : AdamFamilyOptions
{
    /// <summary>PyTorch's defaults: its learning rate is 2e-3.</summary>
    public NAdamOptions() => LearningRate = 2e-3;

    /// <inheritdoc/>
    public override string Name => "nadam";

    /// <summary><c>ψ</c> of the momentum schedule <c>μ_t = β1·(1 − 0.5·0.96^(t·ψ))</c>.</summary>
    public double MomentumDecay { get; init; } = 4e-3;

    /// <summary>The defaults of <paramref name="convention"/>: Keras's under keras, else PyTorch's.</summary>
    public static NAdamOptions For(Convention convention) => convention == Convention.Keras
        ? new() { Convention = convention, LearningRate = 1e-3, Epsilon = 1e-7 }
        : new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        foreach (var problem in base.ValidateRule()) yield return problem;
        if (!(MomentumDecay >= 0)) yield return $"momentum_decay must be >= 0, got {MomentumDecay}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new NAdam<T>(length, this);
}
