namespace Descent.Schedules;

/// <summary>
/// <c>cosine(t_max, eta_min=0)</c>: anneals from the rule's learning rate to <c>eta_min</c> along half
/// a cosine over <c>t_max</c> steps, then back up (PyTorch's <c>CosineAnnealingLR</c>; Loshchilov &amp;
/// Hutter 2017, without restarts). Follows torch's recursive form,
/// <c>η_t = (1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) · (η_{t−1} − η_min) + η_min</c>.
/// </summary>
public sealed record CosineSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "cosine";

    /// <summary>Steps of half a period (<c>t_max</c>).</summary>
    public int TMax { get; init; } = 1;

    /// <summary>The lowest learning rate (<c>eta_min</c>).</summary>
    public double EtaMin { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (TMax < 1) yield return $"t_max must be >= 1, got {TMax}";
        if (!double.IsFinite(EtaMin) || EtaMin < 0) yield return $"eta_min must be >= 0, got {EtaMin}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, CosineSchedule o) : ChainableSchedule(group)
    {
        protected override double NextLearningRate()
        {
            double lr = Group.LearningRate, tMax = o.TMax, etaMin = o.EtaMin;
            if (LastEpoch == 0) return lr;
            if (StepCount == 1 && LastEpoch > 0)
                return etaMin + (BaseLearningRate - etaMin) * (1 + Math.Cos(LastEpoch * Math.PI / tMax)) / 2;
            if ((LastEpoch - 1 - o.TMax) % (2L * o.TMax) == 0)
                return lr + (BaseLearningRate - etaMin) * (1 - Math.Cos(Math.PI / tMax)) / 2;
            return (1 + Math.Cos(Math.PI * LastEpoch / tMax)) / (1 + Math.Cos(Math.PI * (LastEpoch - 1) / tMax)) * (lr - etaMin) + etaMin;
        }

        protected override double? ClosedForm() =>
            o.EtaMin + (BaseLearningRate - o.EtaMin) * (1 + Math.Cos(Math.PI * LastEpoch / o.TMax)) / 2;
    }
}
