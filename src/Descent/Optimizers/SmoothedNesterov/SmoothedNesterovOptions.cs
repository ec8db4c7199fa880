using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// Options of the lecture's smoothed Nesterov (<c>smoothed-nesterov</c>): the look-ahead gradient is
/// averaged over <see cref="Points"/> points spread along the velocity. Only the lecture defines it, so
/// every convention uses the lecture's formula.
/// </summary>
public sealed record SmoothedNesterovOptions : MomentumOptions
{
    /// <inheritdoc/>
    public override string Name => "smoothed-nesterov";

    /// <summary>
    /// The most look-ahead points a step may take: each is one gradient evaluation, so a step costs
    /// <see cref="Points"/> gradients; the lecture uses 4.
    /// </summary>
    public const int MaxPoints = 1_000;

    /// <summary>Number of look-ahead points <c>K</c>, 1 to <see cref="MaxPoints"/>.</summary>
    public int Points { get; init; } = 4;

    /// <summary>The defaults of <paramref name="convention"/> (the lecture's, whatever the convention).</summary>
    public static new SmoothedNesterovOptions For(Convention convention) => new() { Convention = convention, LearningRate = 0.25 };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        foreach (var problem in base.ValidateRule()) yield return problem;
        if (Points < 1) yield return $"points must be >= 1, got {Points}";
        if (Points > MaxPoints) yield return $"points: {Points} is above the limit {MaxPoints} (each point costs one gradient per step)";
    }

    /// <inheritdoc/>
    public override int GradientsPerStep() => Math.Max(1, Points);

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new SmoothedNesterov<T>(length, this);
}
