namespace Descent.Schedules;

/// <summary>
/// <c>cyclic(base_lr, max_lr, step_size_up=2000, step_size_down, mode=triangular|triangular2|exp_range, …)</c>:
/// Smith's cyclical learning rates as PyTorch's <c>CyclicLR</c>. The rate climbs from <c>base_lr</c> to
/// <c>max_lr</c> in <c>step_size_up</c> steps and back in <c>step_size_down</c> (default: the same);
/// <c>triangular2</c> halves the amplitude each cycle, <c>exp_range</c> scales it by <c>gamma^t</c>. With
/// <c>cycle_momentum=true</c> (PyTorch 1.13: rules with a <c>momentum</c> only, not beta1) the momentum
/// moves the other way between <c>max_momentum</c> and <c>base_momentum</c>. It replaces the rule's
/// learning rate.
/// </summary>
public sealed record CyclicSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "cyclic";

    /// <summary>The lower bound (<c>base_lr</c>).</summary>
    public double BaseLearningRate { get; init; } = 0.001;

    /// <summary>The upper bound (<c>max_lr</c>).</summary>
    public double MaxLearningRate { get; init; } = 0.01;

    /// <summary>Steps of the rising half (<c>step_size_up</c>).</summary>
    public int StepSizeUp { get; init; } = 2000;

    /// <summary>Steps of the falling half (<c>step_size_down</c>); null means <see cref="StepSizeUp"/>.</summary>
    public int? StepSizeDown { get; init; }

    /// <summary><c>triangular</c>, <c>triangular2</c> or <c>exp_range</c>.</summary>
    public string Mode { get; init; } = "triangular";

    /// <summary>The base of <c>exp_range</c>'s scaling (<c>gamma</c>).</summary>
    public double Gamma { get; init; } = 1.0;

    /// <summary>Cycle the momentum inversely to the learning rate (<c>cycle_momentum</c>).</summary>
    public bool CycleMomentum { get; init; } = true;

    /// <summary>The momentum at the learning rate's peak (<c>base_momentum</c>).</summary>
    public double BaseMomentum { get; init; } = 0.8;

    /// <summary>The momentum at <c>base_lr</c> (<c>max_momentum</c>).</summary>
    public double MaxMomentum { get; init; } = 0.9;

    /// <summary>The modes <see cref="Mode"/> accepts.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["triangular", "triangular2", "exp_range"];

    /// <inheritdoc/>
    public override bool CyclesMomentum => CycleMomentum;

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (!(BaseLearningRate >= 0) || double.IsInfinity(BaseLearningRate)) yield return $"base_lr must be >= 0, got {BaseLearningRate}";
        if (!(MaxLearningRate >= 0) || double.IsInfinity(MaxLearningRate)) yield return $"max_lr must be >= 0, got {MaxLearningRate}";
        if (StepSizeUp < 1) yield return $"step_size_up must be >= 1, got {StepSizeUp}";
        if (StepSizeDown is < 1) yield return $"step_size_down must be >= 1, got {StepSizeDown}";
        if (!Modes.Contains(Mode)) yield return $"mode must be one of {string.Join(", ", Modes)}, got '{Mode}'";
        if (!(Gamma > 0) || double.IsInfinity(Gamma)) yield return $"gamma must be > 0, got {Gamma}";
        if (!(BaseMomentum >= 0 && BaseMomentum < 1)) yield return $"base_momentum must be in [0, 1), got {BaseMomentum}";
        if (!(MaxMomentum >= 0 && MaxMomentum < 1)) yield return $"max_momentum must be in [0, 1), got {MaxMomentum}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        if (CycleMomentum && (group.Momentum is null || group.MomentumIsBeta1))
            throw new ArgumentException("cyclic: cycle_momentum=true needs a rule with momentum (sgd, rmsprop), as in PyTorch 1.13; set cycle_momentum=false");
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running : ChainableSchedule
    {
        private readonly CyclicSchedule _o;
        private readonly double _totalSize, _stepRatio;

        public Running(ScheduleGroup group, CyclicSchedule o) : base(SetUp(group, o))
        {
            _o = o;
            double up = o.StepSizeUp, down = o.StepSizeDown ?? o.StepSizeUp;
            _totalSize = up + down;
            _stepRatio = up / _totalSize;
            BaseLearningRate = o.BaseLearningRate;
        }

        // PyTorch sets lr to base_lr and the momentum to base_momentum before its base constructor.
        private static ScheduleGroup SetUp(ScheduleGroup group, CyclicSchedule o)
        {
            group.LearningRate = o.BaseLearningRate;
            if (o.CycleMomentum) group.Momentum = o.BaseMomentum;
            return group;
        }

        private double Scale(double x) => _o.Mode switch
        {
            "triangular2" => 1 / Math.Pow(2.0, x - 1),
            "exp_range" => Math.Pow(_o.Gamma, x),
            _ => 1.0,
        };

        protected override double NextLearningRate()
        {
            // PyTorch's first rate (inside its base constructor) reads base_lrs = [initial_lr], which equals
            // base_lr except inside a sequential schedule, where that first rate is overwritten anyway.
            double totalSize = _totalSize, stepRatio = _stepRatio;
            double cycle = Math.Floor(1 + LastEpoch / totalSize);
            double x = 1.0 + LastEpoch / totalSize - cycle;
            double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
            double scaleOf = _o.Mode == "exp_range" ? Scale(LastEpoch) : Scale(cycle);
            double baseHeight = (_o.MaxLearningRate - _o.BaseLearningRate) * scaleFactor;
            double lr = _o.BaseLearningRate + baseHeight * scaleOf;
            if (_o.CycleMomentum)
            {
                double momentumHeight = (_o.MaxMomentum - _o.BaseMomentum) * scaleFactor;
                Group.Momentum = _o.MaxMomentum - momentumHeight * scaleOf;
            }
            return lr;
        }
    }
}
