namespace Descent.Schedules;

/// <summary>
/// <c>polynomial(total_iters=5, power=1)</c>: decays the learning rate to 0 as
/// <c>(1 − t/total_iters)^power</c> (PyTorch's <c>PolynomialLR</c>).
/// </summary>
public sealed record PolynomialSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "polynomial";

    /// <summary>Steps to reach 0 (<c>total_iters</c>).</summary>
    public int TotalIters { get; init; } = 5;

    /// <summary>The power of the decay (<c>power</c>).</summary>
    public double Power { get; init; } = 1.0;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (TotalIters < 1) yield return $"total_iters must be >= 1, got {TotalIters}";
        if (!double.IsFinite(Power) || Power < 0) yield return $"power must be >= 0, got {Power}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, PolynomialSchedule o) : ChainableSchedule(group)
    {
        protected override double NextLearningRate()
        {
            if (LastEpoch == 0 || LastEpoch > o.TotalIters) return Group.LearningRate;
            double total = o.TotalIters;
            double decay = Math.Pow((1.0 - LastEpoch / total) / (1.0 - (LastEpoch - 1) / total), o.Power);
            return Group.LearningRate * decay;
        }

        protected override double? ClosedForm() =>
            BaseLearningRate * Math.Pow(1.0 - Math.Min(o.TotalIters, LastEpoch) / (double)o.TotalIters, o.Power);
    }
}
