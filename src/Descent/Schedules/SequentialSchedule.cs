namespace Descent.Schedules;

/// <summary>
/// <c>sequential(linear(…), cosine(…), milestones=[10])</c>: runs each schedule in turn, switching at
/// the milestones — warm-up then decay (PyTorch's <c>SequentialLR</c>). Like PyTorch, every schedule is
/// started on the group in order (so their side effects on the first rate and on the momentum happen
/// as in torch), the rate is reset to the initial one, and at each milestone the next schedule is
/// stepped to its step 0.
/// </summary>
public sealed record SequentialSchedule : ScheduleOptions
{
    /// <inheritdoc/>
    public override string Name => "sequential";

    /// <summary>The schedules, in order.</summary>
    public IReadOnlyList<ScheduleOptions> Schedules { get; init; } = [];

    /// <summary>The steps at which the next schedule takes over; one fewer than <see cref="Schedules"/>.</summary>
    public IReadOnlyList<int> Milestones { get; init; } = [];

    /// <inheritdoc/>
    public override bool CyclesMomentum => Schedules.Any(s => s.CyclesMomentum);

    /// <inheritdoc/>
    public override IEnumerable<string> Validate()
    {
        if (Schedules.Count < 2) yield return "needs at least two schedules, e.g. sequential(linear(total_iters=10), cosine(t_max=90), milestones=[10])";
        if (Milestones.Count != Schedules.Count - 1)
            yield return $"needs one milestone fewer than schedules: {Schedules.Count} schedules, {Milestones.Count} milestones";
        for (int i = 0; i < Milestones.Count; i++)
        {
            if (Milestones[i] < 1) yield return $"milestones must be >= 1, got {Milestones[i]}";
            if (i > 0 && Milestones[i] <= Milestones[i - 1]) yield return "milestones must be increasing";
        }
        foreach (var s in Schedules)
        {
            if (s is SequentialSchedule or PlateauSchedule) yield return $"{s.Name} cannot run inside sequential (PyTorch's SequentialLR steps its parts without a loss or an epoch)";
            else foreach (string problem in s.Validate()) yield return $"{s.Name}: {problem}";
        }
    }

    /// <inheritdoc/>
    public override long? MaxSteps
    {
        get
        {
            if (Schedules.Count == 0 || Milestones.Count != Schedules.Count - 1) return null;
            long? last = Schedules[^1].MaxSteps;
            return last is null ? null : (Milestones.Count == 0 ? 0 : Milestones[^1]) + last;
        }
    }

    /// <inheritdoc/>
    public bool Equals(SequentialSchedule? other) =>
        other is not null && Schedules.SequenceEqual(other.Schedules) && Milestones.SequenceEqual(other.Milestones);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Schedules.Count, Milestones.Count);

    /// <inheritdoc/>
    protected internal override Schedule StartCore(ScheduleGroup group)
    {
        var parts = new ChainableSchedule[Schedules.Count];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = Schedules[i].StartCore(group) as ChainableSchedule
                ?? throw new ArgumentException($"sequential: {Schedules[i].Name} is not a schedule sequential can chain (the built-in ones except plateau)");
        return new Running(group, parts, [.. Milestones]);
    }

    private sealed class Running : Schedule
    {
        private readonly ChainableSchedule[] _parts;
        private readonly int[] _milestones;
        private long _lastEpoch;

        public Running(ScheduleGroup group, ChainableSchedule[] parts, int[] milestones) : base(group)
        {
            _parts = parts;
            _milestones = milestones;
            group.LearningRate = group.InitialLearningRate ?? group.LearningRate;
            foreach (var part in parts) part.LastEpoch--;
            parts[0].InitialStep();
        }

        public override int StateLength => 1 + _parts.Sum(p => p.StateLength);

        public override void WriteState(Span<double> state)
        {
            state[0] = _lastEpoch;
            int at = 1;
            foreach (var part in _parts)
            {
                part.WriteState(state.Slice(at, part.StateLength));
                at += part.StateLength;
            }
        }

        public override void ReadState(ReadOnlySpan<double> state)
        {
            _lastEpoch = (long)state[0];
            int at = 1;
            foreach (var part in _parts)
            {
                part.ReadState(state.Slice(at, part.StateLength));
                at += part.StateLength;
            }
        }

        public override void Step(double loss)
        {
            _lastEpoch++;
            int index = 0;
            while (index < _milestones.Length && _milestones[index] <= _lastEpoch) index++;
            var part = _parts[index];
            if (index > 0 && _milestones[index - 1] == _lastEpoch) part.StepTo(0);
            else part.Advance();
        }
    }
}
