namespace Descent.Schedules;

/// <summary>
/// <c>cosine-restarts(t_0, t_mult=1, eta_min=0)</c>: cosine annealing that restarts at the rule's
/// learning rate after <c>t_0</c> steps, each period <c>t_mult</c> times longer than the last
/// (PyTorch's <c>CosineAnnealingWarmRestarts</c>; SGDR, Loshchilov &amp; Hutter 2017).
/// </summary>
public sealed record CosineRestartsSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "cosine-restarts";

    /// <summary>Steps of the first period (<c>t_0</c>).</summary>
    public int T0 { get; init; } = 1;

    /// <summary>The growth of each period (<c>t_mult</c>), an integer as in PyTorch.</summary>
    public int TMult { get; init; } = 1;

    /// <summary>The lowest learning rate (<c>eta_min</c>).</summary>
    public double EtaMin { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (T0 < 1) yield return $"t_0 must be >= 1, got {T0}";
        if (TMult < 1) yield return $"t_mult must be >= 1, got {TMult}";
        if (!double.IsFinite(EtaMin) || EtaMin < 0) yield return $"eta_min must be >= 0, got {EtaMin}";
    }

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var s = new Running(group, this);
        s.InitialStep();
        return s;
    }

    private sealed class Running(ScheduleGroup group, CosineRestartsSchedule o) : ChainableSchedule(group)
    {
        private long _tCur = -1, _tI = o.T0;

        public override int StateLength => base.StateLength + 2;

        public override void WriteState(Span<double> state)
        {
            base.WriteState(state);
            state[base.StateLength] = _tCur;
            state[base.StateLength + 1] = _tI;
        }

        public override void ReadState(ReadOnlySpan<double> state)
        {
            base.ReadState(state);
            _tCur = (long)state[base.StateLength];
            _tI = (long)state[base.StateLength + 1];
        }

        protected override double NextLearningRate() =>
            o.EtaMin + (BaseLearningRate - o.EtaMin) * (1 + Math.Cos(Math.PI * _tCur / _tI)) / 2;

        public override void Advance()
        {
            if (LastEpoch < 0)
            {
                StepTo(0);
                return;
            }
            _tCur++;
            if (_tCur >= _tI)
            {
                _tCur -= _tI;
                // A period can only grow after it has been stepped through, so a long never overflows.
                _tI *= o.TMult;
            }
            LastEpoch++;
            Group.LearningRate = NextLearningRate();
        }

        public override void StepTo(long epoch)
        {
            // Only SequentialLR's milestone (epoch 0) and the initial step reach here.
            if (epoch >= o.T0)
                throw new NotSupportedException("cosine-restarts: stepping to an epoch past t_0 is not supported.");
            _tI = o.T0;
            _tCur = epoch;
            LastEpoch = epoch;
            Group.LearningRate = NextLearningRate();
        }
    }
}
