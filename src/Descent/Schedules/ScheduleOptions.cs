namespace Descent.Schedules;

/// <summary>
/// The settings of one learning-rate schedule (the value of an optimizer spec's <c>schedule</c> key):
/// immutable, with PyTorch's defaults in the property initializers. <see cref="Start"/> begins a
/// running <see cref="Schedule"/> over a parameter group.
/// </summary>
public abstract record ScheduleOptions
{
    /// <summary>The schedule's name in specs (<c>cosine</c>, <c>onecycle</c>…).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True for <c>per=epoch</c>: the schedule advances once per epoch of a training loop (which calls
    /// <c>StepEpochSchedules</c>) instead of after every optimizer step.
    /// </summary>
    public bool PerEpoch { get; init; }

    /// <summary>True when the schedule sets the momentum (or beta1) too.</summary>
    public virtual bool CyclesMomentum => false;

    /// <summary>Problems with the values; empty when valid.</summary>
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>
    /// The most optimizer steps the schedule can take, or null when it has no end
    /// (<c>onecycle</c> stops at <c>total_steps</c>, as PyTorch's <c>OneCycleLR</c> raises past it).
    /// </summary>
    public virtual long? MaxSteps => null;

    /// <summary>
    /// Starts the schedule over <paramref name="group"/>; like constructing the PyTorch scheduler, this
    /// may already set the group's learning rate (and momentum) for the first step.
    /// </summary>
    public Schedule Start(ScheduleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var problems = Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException($"{Name}: {string.Join("; ", problems)}");
        return StartCore(group);
    }

    /// <summary>Starts a validated schedule.</summary>
    protected internal abstract Schedule StartCore(ScheduleGroup group);
}
