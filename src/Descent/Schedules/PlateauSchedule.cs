namespace Descent.Schedules;

/// <summary>
/// <c>plateau(factor=0.1, patience=10, threshold=1e-4, threshold_mode=rel|abs, mode=min|max, cooldown=0, min_lr=0, eps=1e-8)</c>:
/// multiplies the learning rate by <c>factor</c> when the loss has not improved for more than
/// <c>patience</c> steps (PyTorch's <c>ReduceLROnPlateau</c>), then waits <c>cooldown</c> steps. It
/// reads the loss that <see cref="Schedule.Step"/> is given: the loss where that step's gradient was taken.
/// </summary>
public sealed record PlateauSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "plateau";

    /// <summary>The factor of each reduction (<c>factor</c>), below 1.</summary>
    public double Factor { get; init; } = 0.1;

    /// <summary>Bad steps tolerated before a reduction (<c>patience</c>).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>The least change that counts as an improvement (<c>threshold</c>).</summary>
    public double Threshold { get; init; } = 1e-4;

    /// <summary>True for <c>threshold_mode=abs</c>; the default <c>rel</c> compares with <c>best·(1 ∓ threshold)</c>.</summary>
    public bool AbsoluteThreshold { get; init; }

    /// <summary>True for <c>mode=max</c> (a quantity that should grow); the default is <c>min</c>.</summary>
    public bool Maximize { get; init; }

    /// <summary>Steps to wait after a reduction (<c>cooldown</c>).</summary>
    public int Cooldown { get; init; }

    /// <summary>The floor of the learning rate (<c>min_lr</c>).</summary>
    public double MinLearningRate { get; init; }

    /// <summary>Reductions smaller than this are skipped (<c>eps</c>).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(Factor >= 0 && Factor < 1)) yield return $"factor must be in [0, 1), got {Factor}";
        if (Patience < 0) yield return $"patience must be >= 0, got {Patience}";
        if (!(Threshold >= 0) || double.IsInfinity(Threshold)) yield return $"threshold must be >= 0, got {Threshold}";
        if (Cooldown < 0) yield return $"cooldown must be >= 0, got {Cooldown}";
        if (!(MinLearningRate >= 0) || double.IsInfinity(MinLearningRate)) yield return $"min_lr must be >= 0, got {MinLearningRate}";
        if (!(Eps >= 0) || double.IsInfinity(Eps)) yield return $"eps must be >= 0, got {Eps}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group) => new Running(group, this);

    private sealed class Running(ScheduleGroup group, PlateauSchedule o) : Schedule(group)
    {
        private double _best = o.Maximize ? double.NegativeInfinity : double.PositiveInfinity;
        private int _badSteps, _cooldownCounter;

        public override bool NeedsLoss => true;

        public override int StateLength => 3;

        public override void WriteState(Span<double> state)
        {
            state[0] = _best;
            state[1] = _badSteps;
            state[2] = _cooldownCounter;
        }

        public override void ReadState(ReadOnlySpan<double> state)
        {
            _best = state[0];
            _badSteps = (int)state[1];
            _cooldownCounter = (int)state[2];
        }

        private bool IsBetter(double a) => (o.Maximize, o.AbsoluteThreshold) switch
        {
            (false, false) => a < _best * (1.0 - o.Threshold),
            (false, true) => a < _best - o.Threshold,
            (true, false) => a > _best * (o.Threshold + 1.0),
            (true, true) => a > _best + o.Threshold,
        };

        public override void Step(double loss)
        {
            if (IsBetter(loss))
            {
                _best = loss;
                _badSteps = 0;
            }
            else _badSteps++;
            if (_cooldownCounter > 0)
            {
                _cooldownCounter--;
                _badSteps = 0;
            }
            if (_badSteps > o.Patience)
            {
                double old = Group.LearningRate, reduced = Math.Max(old * o.Factor, o.MinLearningRate);
                if (old - reduced > o.Eps) Group.LearningRate = reduced;
                _cooldownCounter = o.Cooldown;
                _badSteps = 0;
            }
        }
    }
}
