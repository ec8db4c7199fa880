namespace Descent.Schedules;

/// <summary>
/// <c>linear(start_factor=1/3, end_factor=1, total_iters=5)</c>: scales the learning rate by a factor
/// that moves linearly from <c>start_factor</c> to <c>end_factor</c> over <c>total_iters</c> steps —
/// the usual warm-up (PyTorch's <c>LinearLR</c>).
/// </summary>
public sealed record LinearSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "linear";

    /// <summary>The factor of the first step (<c>start_factor</c>).</summary>
    public double StartFactor { get; init; } = 1.0 / 3;

    /// <summary>The factor after <c>total_iters</c> steps (<c>end_factor</c>).</summary>
    public double EndFactor { get; init; } = 1.0;

    /// <summary>Steps of the ramp (<c>total_iters</c>).</summary>
    public int TotalIters { get; init; } = 5;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(StartFactor > 0 && StartFactor <= 1)) yield return $"start_factor must be in (0, 1], got {StartFactor}";
        if (!(EndFactor >= 0 && EndFactor <= 1)) yield return $"end_factor must be in [0, 1], got {EndFactor}";
        if (TotalIters < 1) yield return $"total_iters must be >= 1, got {TotalIters}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, LinearSchedule o) : ChainableSchedule(group)
    {
        protected override double NextLearningRate()
        {
            double lr = Group.LearningRate;
            if (LastEpoch == 0) return lr * o.StartFactor;
            if (LastEpoch > o.TotalIters) return lr;
            return lr * (1.0 + (o.EndFactor - o.StartFactor) / (o.TotalIters * o.StartFactor + (LastEpoch - 1) * (o.EndFactor - o.StartFactor)));
        }

        protected override double? ClosedForm() =>
            BaseLearningRate * (o.StartFactor + (o.EndFactor - o.StartFactor) * Math.Min(o.TotalIters, LastEpoch) / o.TotalIters);
    }
}
