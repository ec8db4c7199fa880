namespace Descent.Schedules;

/// <summary>
/// <c>step(step_size, gamma=0.1)</c>: multiplies the learning rate by <c>gamma</c> every
/// <c>step_size</c> steps (PyTorch's <c>StepLR</c>).
/// </summary>
public sealed record StepSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "step";

    /// <summary>Steps between decays (<c>step_size</c>).</summary>
    public int StepSize { get; init; } = 1;

    /// <summary>The factor of each decay (<c>gamma</c>).</summary>
    public double Gamma { get; init; } = 0.1;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (StepSize < 1) yield return $"step_size must be >= 1, got {StepSize}";
        if (!double.IsFinite(Gamma) || Gamma < 0) yield return $"gamma must be >= 0, got {Gamma}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, StepSchedule o) : ChainableSchedule(group)
    {
        protected override double NextLearningRate() =>
            LastEpoch == 0 || LastEpoch % o.StepSize != 0 ? Group.LearningRate : Group.LearningRate * o.Gamma;

        protected override double? ClosedForm() => BaseLearningRate * Math.Pow(o.Gamma, LastEpoch / o.StepSize);
    }
}
