namespace Descent.Schedules;

/// <summary>
/// <c>onecycle(max_lr, total_steps, …)</c>: Smith &amp; Topin's 1cycle policy as PyTorch's
/// <c>OneCycleLR</c>. The learning rate rises from <c>max_lr/div_factor</c> to <c>max_lr</c> over the
/// first <c>pct_start</c> of the steps, then falls to <c>max_lr/(div_factor·final_div_factor)</c>
/// (a third phase with <c>three_phase=true</c>); with <c>cycle_momentum=true</c> the momentum (beta1 for
/// the Adam family) moves the other way between <c>max_momentum</c> and <c>base_momentum</c>. It
/// replaces the rule's learning rate, and stepping past <c>total_steps</c> is an error, as in PyTorch.
/// </summary>
public sealed record OneCycleSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "onecycle";

    /// <summary>The peak learning rate (<c>max_lr</c>).</summary>
    public double MaxLearningRate { get; init; } = 0.1;

    /// <summary>The steps of the whole cycle (<c>total_steps</c>).</summary>
    public int TotalSteps { get; init; } = 100;

    /// <summary>The share of the cycle spent rising (<c>pct_start</c>).</summary>
    public double PctStart { get; init; } = 0.3;

    /// <summary>Cosine (<c>anneal=cos</c>, the default) or linear (<c>anneal=linear</c>) interpolation.</summary>
    public bool LinearAnneal { get; init; }

    /// <summary>The start is <c>max_lr / div_factor</c>.</summary>
    public double DivFactor { get; init; } = 25;

    /// <summary>The end is <c>max_lr / (div_factor · final_div_factor)</c>.</summary>
    public double FinalDivFactor { get; init; } = 1e4;

    /// <summary>Fall back to the start before annealing to the end (<c>three_phase</c>).</summary>
    public bool ThreePhase { get; init; }

    /// <summary>Cycle the momentum (or beta1) inversely to the learning rate (<c>cycle_momentum</c>).</summary>
    public bool CycleMomentum { get; init; } = true;

    /// <summary>The momentum at the learning rate's peak (<c>base_momentum</c>).</summary>
    public double BaseMomentum { get; init; } = 0.85;

    /// <summary>The momentum at the start and end (<c>max_momentum</c>).</summary>
    public double MaxMomentum { get; init; } = 0.95;

    /// <inheritdoc/>
    public override long? MaxSteps => TotalSteps;

    /// <inheritdoc/>
    public override bool CyclesMomentum => CycleMomentum;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(MaxLearningRate >= 0) || double.IsInfinity(MaxLearningRate)) yield return $"max_lr must be >= 0, got {MaxLearningRate}";
        if (TotalSteps < 1) yield return $"total_steps must be >= 1, got {TotalSteps}";
        if (!(PctStart >= 0 && PctStart <= 1)) yield return $"pct_start must be in [0, 1], got {PctStart}";
        if (!(DivFactor > 0) || double.IsInfinity(DivFactor)) yield return $"div_factor must be > 0, got {DivFactor}";
        if (!(FinalDivFactor > 0) || double.IsInfinity(FinalDivFactor)) yield return $"final_div_factor must be > 0, got {FinalDivFactor}";
        if (!(BaseMomentum >= 0 && BaseMomentum < 1)) yield return $"base_momentum must be in [0, 1), got {BaseMomentum}";
        if (!(MaxMomentum >= 0 && MaxMomentum < 1)) yield return $"max_momentum must be in [0, 1), got {MaxMomentum}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        if (CycleMomentum && group.Momentum is null)
            throw new ArgumentException("onecycle: cycle_momentum=true needs a rule with momentum or beta1 (sgd, rmsprop, the adam family); set cycle_momentum=false");
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running : ChainableSchedule
    {
        private readonly OneCycleSchedule _o;
        private readonly double _initial, _max, _min;
        // Each phase: its last step (a double, as PyTorch computes it), and which values it runs between.
        private readonly (double End, int StartLr, int EndLr, int StartMomentum, int EndMomentum)[] _phases;

        public Running(ScheduleGroup group, OneCycleSchedule o) : base(SetUp(group, o))
        {
            _o = o;
            _initial = o.MaxLearningRate / o.DivFactor;
            _max = o.MaxLearningRate;
            _min = _initial / o.FinalDivFactor;
            const int Initial = 0, Max = 1, Min = 2, BaseM = 0, MaxM = 1;
            _phases = o.ThreePhase
                ? [
                    (o.PctStart * o.TotalSteps - 1, Initial, Max, MaxM, BaseM),
                    (2 * o.PctStart * o.TotalSteps - 2, Max, Initial, BaseM, MaxM),
                    (o.TotalSteps - 1, Initial, Min, MaxM, MaxM),
                ]
                : [
                    (o.PctStart * o.TotalSteps - 1, Initial, Max, MaxM, BaseM),
                    (o.TotalSteps - 1, Max, Min, BaseM, MaxM),
                ];
        }

        // PyTorch sets initial_lr (and the momentum) on the group before its base constructor reads them.
        private static ScheduleGroup SetUp(ScheduleGroup group, OneCycleSchedule o)
        {
            group.InitialLearningRate = o.MaxLearningRate / o.DivFactor;
            if (o.CycleMomentum) group.Momentum = o.MaxMomentum;
            return group;
        }

        private double Lr(int which) => which switch { 0 => _initial, 1 => _max, _ => _min };

        private double Momentum(int which) => which == 0 ? _o.BaseMomentum : _o.MaxMomentum;

        protected override double NextLearningRate()
        {
            long stepNum = LastEpoch;
            if (stepNum > _o.TotalSteps)
                throw new InvalidOperationException($"onecycle: tried to take step {stepNum + 1}; total_steps is {_o.TotalSteps}");
            double startStep = 0, lr = 0;
            for (int i = 0; i < _phases.Length; i++)
            {
                var phase = _phases[i];
                if (stepNum <= phase.End || i == _phases.Length - 1)
                {
                    double pct = (stepNum - startStep) / (phase.End - startStep);
                    lr = Anneal(Lr(phase.StartLr), Lr(phase.EndLr), pct);
                    if (_o.CycleMomentum) Group.Momentum = Anneal(Momentum(phase.StartMomentum), Momentum(phase.EndMomentum), pct);
                    break;
                }
                startStep = phase.End;
            }
            return lr;
        }

        private double Anneal(double start, double end, double pct)
        {
            if (_o.LinearAnneal) return (end - start) * pct + start;
            double cosOut = Math.Cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
    }
}
