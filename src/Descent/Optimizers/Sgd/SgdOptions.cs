using System.Numerics;

namespace Descent.Optimizers;

/// <summary>Options of <see cref="Sgd{T}"/>; the property initializers are PyTorch's defaults.</summary>
public sealed record SgdOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Momentum, false);

    /// <summary>Momentum coefficient <c>μ</c>; 0 is plain gradient descent.</summary>
    public double Momentum { get; init; }

    /// <summary>Dampening <c>τ</c> of the gradient added to the momentum buffer.</summary>
    public double Dampening { get; init; }

    /// <summary>Nesterov's variant evaluated at the current point (PyTorch's <c>nesterov=True</c>).</summary>
    public bool Nesterov { get; init; }

    /// <summary>The defaults of <paramref name="convention"/>: Keras's learning rate is 0.01, the others' 1e-3.</summary>
    public static SgdOptions For(Convention convention) => convention == Convention.Keras
        ? new() { Convention = convention, LearningRate = 0.01 }
        : new() { Convention = convention };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        if (!(Momentum >= 0)) yield return $"momentum must be >= 0, got {Momentum}";
        if (!(Dampening >= 0 && Dampening <= 1)) yield return $"dampening must be in [0, 1], got {Dampening}";
        // Keras's nesterov at momentum 0 is plain descent; PyTorch refuses it.
        if (Nesterov && Convention != Convention.Keras && (Momentum <= 0 || Dampening != 0)) yield return "nesterov requires momentum > 0 and dampening = 0 (as in PyTorch)";
        if (Convention == Convention.Keras && !(Momentum <= 1)) yield return $"momentum must be in [0, 1] (as in Keras), got {Momentum}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Sgd<T>(length, this);
}
