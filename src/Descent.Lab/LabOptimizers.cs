using Descent.Specs;

namespace Descent.Lab;

/// <summary>Reads the optimizer specs of an experiment's config, turning spec errors into lab input errors on <c>optimizer</c>.</summary>
public static class LabOptimizers
{
    /// <summary>The most optimizers one experiment may compare: each is a full run of its own.</summary>
    public const int MaxCount = 100;

    /// <summary>Resolves every spec under <paramref name="convention"/>; at least one is required, at most <see cref="MaxCount"/>.</summary>
    public static List<OptimizerOptions> Resolve(IReadOnlyList<string> specs, Convention convention)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 0)
            throw new LabInputException("optimizer", $"No optimizer given; write e.g. adam(lr=0.25); valid: {string.Join(", ", OptimizerCatalog.Names)}.");
        CheckCount(specs.Count);
        var options = new List<OptimizerOptions>(specs.Count);
        foreach (string spec in specs)
        {
            try { options.Add(OptimizerCatalog.Resolve(spec, convention)); }
            catch (SpecException e) { throw new LabInputException("optimizer", e.Message, e); }
        }
        return options;
    }

    /// <summary>The most gradient evaluations one response or trajectory run may take, over all its optimizers.</summary>
    public const long MaxGradientEvaluations = 100_000_000;

    /// <summary>
    /// Refuses a run of <paramref name="steps"/> per optimizer whose results would pass <paramref name="maxRecords"/>
    /// steps in all (each is kept: memory) or whose gradients would pass <see cref="MaxGradientEvaluations"/> (time),
    /// counted in 64-bit arithmetic.
    /// </summary>
    /// <exception cref="LabInputException"><c>steps</c>: the limit passed, with the product that passes it.</exception>
    public static void CheckWork(int steps, IReadOnlyList<OptimizerOptions> options, long maxRecords)
    {
        ArgumentNullException.ThrowIfNull(options);
        long records = (long)steps * options.Count;
        if (records > maxRecords)
            throw new LabInputException("steps", FormattableString.Invariant(
                $"{steps:N0} steps × {options.Count} optimizers = {records:N0} recorded steps, above the limit of {maxRecords:N0}; give fewer --steps or optimizers."));
        long perStep = options.Sum(o => (long)o.GradientsPerStep());
        long gradients = steps * perStep;
        if (gradients > MaxGradientEvaluations)
            throw new LabInputException("steps", FormattableString.Invariant(
                $"{steps:N0} steps × {perStep:N0} gradients per step (all optimizers, look-ahead points included) = {gradients:N0} gradient evaluations, above the limit of {MaxGradientEvaluations:N0}; give fewer --steps, optimizers or points."));
    }

    /// <summary>
    /// Refuses rules and schedules the experiment cannot run: a rule that reads the loss (<c>lbfgs</c>) or a
    /// <c>plateau</c> where the experiment has no loss (the gradient response), <c>per=epoch</c> where it has no epochs, and a schedule that ends
    /// (<c>onecycle</c>'s <c>total_steps</c>) before the run's <paramref name="steps"/> optimizer steps.
    /// </summary>
    /// <exception cref="LabInputException"><c>optimizer</c>: which spec, and why.</exception>
    public static void CheckSchedules(IReadOnlyList<string> specs, IReadOnlyList<OptimizerOptions> options, long steps, bool hasLoss, bool hasEpochs)
    {
        for (int i = 0; i < options.Count; i++)
        {
            // L-BFGS (alone or wrapped) compares losses along its direction: a response signal gives gradients only.
            if (!hasLoss && options[i].Create<double>(0).NeedsLoss)
                throw new LabInputException("optimizer", $"{specs[i]}: L-BFGS reads the loss at the points it tries, and a gradient response signal has none (only gradients); race it in descent trajectory or train.");
            if (options[i].Schedule is not { } schedule) continue;
            string spec = specs[i];
            if (!hasLoss && Uses<Schedules.PlateauSchedule>(schedule))
                throw new LabInputException("optimizer", $"{spec}: plateau reads the loss, and the gradient response has none; use it in trajectory or train.");
            if (!hasEpochs && schedule.PerEpoch)
                throw new LabInputException("optimizer", $"{spec}: per=epoch needs epochs; only descent train has them.");
            if (!schedule.PerEpoch && schedule.MaxSteps is long most && steps > most)
                throw new LabInputException("optimizer", FormattableString.Invariant(
                    $"{spec}: the schedule ends after {most:N0} steps and the run takes {steps:N0}; raise total_steps."));
        }
    }

    private static bool Uses<TSchedule>(Schedules.ScheduleOptions schedule) where TSchedule : Schedules.ScheduleOptions =>
        schedule is TSchedule || (schedule is Schedules.SequentialSchedule s && s.Schedules.Any(Uses<TSchedule>));

    /// <summary>
    /// True when some optimizer of a run has a learning-rate schedule: the run then records the learning
    /// rate of every step of every optimizer (a constant one included, for comparison), and its figures
    /// and data files show it.
    /// </summary>
    public static bool AnySchedule(IEnumerable<OptimizerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Any(o => o.Schedule is not null);
    }

    /// <summary>Refuses more than <see cref="MaxCount"/> optimizers.</summary>
    /// <exception cref="LabInputException"><c>optimizer</c>: too many.</exception>
    public static void CheckCount(int count)
    {
        if (count > MaxCount)
            throw new LabInputException("optimizer", $"{count} optimizers is above the limit {MaxCount} per run.");
    }
}
