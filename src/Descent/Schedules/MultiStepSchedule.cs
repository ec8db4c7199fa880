namespace Descent.Schedules;

/// <summary>
/// <c>multistep(milestones=[30,80], gamma=0.1)</c>: multiplies the learning rate by <c>gamma</c> at
/// each milestone; a milestone listed twice decays twice (PyTorch's <c>MultiStepLR</c>).
/// </summary>
public sealed record MultiStepSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "multistep";

    /// <summary>The steps after which the rate decays (<c>milestones</c>), increasing.</summary>
    public IReadOnlyList<int> Milestones { get; init; } = [];

    /// <summary>The factor of each decay (<c>gamma</c>).</summary>
    public double Gamma { get; init; } = 0.1;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (Milestones.Count == 0) yield return "milestones must list at least one step, e.g. milestones=[30, 80]";
        for (int i = 0; i < Milestones.Count; i++)
        {
            if (Milestones[i] < 0) yield return $"milestones must be >= 0, got {Milestones[i]}";
            if (i > 0 && Milestones[i] < Milestones[i - 1]) yield return "milestones must be increasing";
        }
        if (!double.IsFinite(Gamma) || Gamma < 0) yield return $"gamma must be >= 0, got {Gamma}";
    }

    /// <inheritdoc/>
    public bool Equals(MultiStepSchedule? other) =>
        other is not null && Gamma == other.Gamma && Milestones.SequenceEqual(other.Milestones);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Gamma, Milestones.Count);

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, MultiStepSchedule o) : ChainableSchedule(group)
    {
        protected override double NextLearningRate()
        {
            int count = 0;
            foreach (int m in o.Milestones) if (m == LastEpoch) count++;
            return count == 0 ? Group.LearningRate : Group.LearningRate * Math.Pow(o.Gamma, count);
        }

        protected override double? ClosedForm()
        {
            int passed = 0;
            foreach (int m in o.Milestones) if (m <= LastEpoch) passed++;
            return BaseLearningRate * Math.Pow(o.Gamma, passed);
        }
    }
}
