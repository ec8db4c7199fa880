namespace Descent.Schedules;

/// <summary>
/// PyTorch's <c>_LRScheduler</c>: a step count, <c>last_epoch</c>, the base learning rate, and the
/// "chainable" recursive form <see cref="NextLearningRate"/> that reads the group's current rate.
/// Following the recursive form (not the closed one) is what makes Descent's rates equal torch's to
/// the last bit. <see cref="StepTo"/> is <c>step(epoch)</c>, which <c>SequentialLR</c> calls with 0
/// at each milestone and which uses the closed form where torch has one.
/// </summary>
internal abstract class ChainableSchedule : Schedule
{
    protected ChainableSchedule(ScheduleGroup group) : base(group)
    {
        group.InitialLearningRate ??= group.LearningRate;
        BaseLearningRate = group.InitialLearningRate.Value;
    }

    /// <summary>PyTorch's <c>base_lrs[0]</c>.</summary>
    protected double BaseLearningRate { get; set; }

    /// <summary>PyTorch's <c>last_epoch</c>: -1 before the initial step.</summary>
    public long LastEpoch { get; set; } = -1;

    /// <summary>PyTorch's <c>_step_count</c>.</summary>
    protected long StepCount { get; private set; }

    /// <inheritdoc/>
    public override int StateLength => 3;

    /// <inheritdoc/>
    public override void WriteState(Span<double> state)
    {
        state[0] = LastEpoch;
        state[1] = StepCount;
        state[2] = BaseLearningRate;
    }

    /// <inheritdoc/>
    public override void ReadState(ReadOnlySpan<double> state)
    {
        LastEpoch = (long)state[0];
        StepCount = (long)state[1];
        BaseLearningRate = state[2];
    }

    /// <summary>PyTorch's <c>_initial_step</c>, which its constructors end with.</summary>
    public void InitialStep()
    {
        StepCount = 0;
        Advance();
    }

    /// <inheritdoc/>
    public override void Step(double loss) => Advance();

    /// <summary><c>scheduler.step()</c>.</summary>
    public virtual void Advance()
    {
        StepCount++;
        LastEpoch++;
        Group.LearningRate = NextLearningRate();
    }

    /// <summary><c>scheduler.step(epoch)</c>.</summary>
    public virtual void StepTo(long epoch)
    {
        StepCount++;
        LastEpoch = epoch;
        Group.LearningRate = ClosedForm() ?? NextLearningRate();
    }

    /// <summary>PyTorch's <c>get_lr()</c> for the current <see cref="LastEpoch"/>.</summary>
    protected abstract double NextLearningRate();

    /// <summary>PyTorch's <c>_get_closed_form_lr()</c>, or null where the scheduler has none.</summary>
    protected virtual double? ClosedForm() => null;
}
