namespace Descent.Schedules;

/// <summary>
/// A running learning-rate schedule over one <see cref="ScheduleGroup"/>. The optimizer reads the
/// group before each step and calls <see cref="Step"/> after it, as a PyTorch loop calls
/// <c>scheduler.step()</c> after every <c>optimizer.step()</c>. Schedules hold only scalars, so a
/// step allocates nothing.
/// </summary>
public abstract class Schedule
{
    /// <summary>A schedule that sets the values of <paramref name="group"/>.</summary>
    protected Schedule(ScheduleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
    }

    /// <summary>The values this schedule sets.</summary>
    public ScheduleGroup Group { get; }

    /// <summary>How many numbers <see cref="WriteState"/> writes: the schedule's counters, for a saved optimizer state.</summary>
    public virtual int StateLength => 0;

    /// <summary>Writes the counters into <paramref name="state"/> (<see cref="StateLength"/> long).</summary>
    public virtual void WriteState(Span<double> state) { }

    /// <summary>Reads back what <see cref="WriteState"/> wrote; the schedule then continues bit for bit.</summary>
    public virtual void ReadState(ReadOnlySpan<double> state) { }

    /// <summary>True when <see cref="Step"/> reads its loss (<see cref="PlateauSchedule"/>).</summary>
    public virtual bool NeedsLoss => false;

    /// <summary>
    /// Advances after one optimizer step. <paramref name="loss"/> is the loss at the point where that
    /// step's gradient was taken; only <see cref="PlateauSchedule"/> reads it.
    /// </summary>
    public abstract void Step(double loss);
}
