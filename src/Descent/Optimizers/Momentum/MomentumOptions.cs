using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Options of heavy-ball momentum (<c>momentum</c>), also the base of <see cref="NesterovOptions"/> and
/// <see cref="SmoothedNesterovOptions"/>. The initializers are the PyTorch defaults of SGD with momentum.
/// </summary>
public record MomentumOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "momentum";

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Momentum, false);

    /// <summary>Momentum coefficient (the lecture's <c>γ</c>, PyTorch's and Lasagne's <c>μ</c>).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Dampening (PyTorch only).</summary>
    public double Dampening { get; init; }

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static MomentumOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, LearningRate = 0.25 },
        Convention.Keras => new() { Convention = convention, LearningRate = 0.01 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Momentum >= 0)) yield return $"momentum must be >= 0, got {Momentum}";
        if (!(Dampening >= 0 && Dampening <= 1)) yield return $"dampening must be in [0, 1], got {Dampening}";
        if (Convention == Convention.Keras && !(Momentum <= 1)) yield return $"momentum must be in [0, 1] (as in Keras), got {Momentum}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Momentum<T>(length, this);
}
