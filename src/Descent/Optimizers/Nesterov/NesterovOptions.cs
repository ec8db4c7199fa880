using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Options of Nesterov momentum (<c>nesterov</c>): the lecture's true look-ahead (gradient at
/// <c>p − γ·v</c>), or Lasagne's and PyTorch's reformulation with the gradient at the current point.
/// </summary>
public sealed record NesterovOptions : MomentumOptions
{
    /// <inheritdoc/>
    public override string Name => "nesterov";

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static new NesterovOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, LearningRate = 0.25 },
        Convention.Keras => new() { Convention = convention, LearningRate = 0.01 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        foreach (var problem in base.ValidateRule()) yield return problem;
        if (Convention == Convention.PyTorch && (Momentum <= 0 || Dampening != 0))
            yield return "nesterov requires momentum > 0 and dampening = 0 (as in PyTorch)";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => Convention == Convention.Lecture
        ? new SmoothedNesterov<T>(length, this)
        : new Momentum<T>(length, this);
}
