namespace Descent.Schedules;

/// <summary><c>exponential(gamma)</c>: multiplies the learning rate by <c>gamma</c> every step (PyTorch's <c>ExponentialLR</c>).</summary>
public sealed record ExponentialSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "exponential";

    /// <summary>The factor of each step (<c>gamma</c>); PyTorch has no default, Descent's is 0.99.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!double.IsFinite(Gamma) || Gamma < 0) yield return $"gamma must be >= 0, got {Gamma}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, ExponentialSchedule o) : ChainableSchedule(group)
    {
        protected override double NextLearningRate() => LastEpoch == 0 ? Group.LearningRate : Group.LearningRate * o.Gamma;

        protected override double? ClosedForm() => BaseLearningRate * Math.Pow(o.Gamma, LastEpoch);
    }
}
