using Descent.Lab;
using Descent.Lab.Trajectory;
using Descent.Schedules;

namespace Descent.Web.Api;

/// <summary>
/// <c>POST /api/schedule</c>: the learning rate of every step of an optimizer spec's schedule, computed by the
/// library's schedule classes exactly as an optimizer runs them (the page's preview under each card). The spec is
/// checked as a trajectory checks it, so the preview refuses what a run would refuse.
/// </summary>
public static class ScheduleEndpoint
{
    /// <summary>Computes the learning rates <paramref name="request"/> asks for.</summary>
    /// <exception cref="ApiInputException"><c>steps</c> beyond the page's limit; <c>losses</c> fewer than the steps of a plateau; <c>optimizer</c> missing.</exception>
    /// <exception cref="LabInputException"><c>optimizer</c>: a bad spec, or a schedule a run would refuse (the CLI's message).</exception>
    public static SchedulePreview Run(ScheduleRequest request, ApiLimits limits, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var convention = RequestFields.Convention(request.Convention);
        string spec = request.Optimizer ?? throw new ApiInputException("optimizer", "optimizer: missing; write an optimizer spec such as adam(lr=0.25, schedule=cosine(t_max=125)).");
        int steps = RequestFields.Steps(request.Steps ?? TrajectoryExperiment.DefaultSteps, limits, checkLower: true)!.Value;
        var options = LabOptimizers.Resolve([spec], convention);
        LabOptimizers.CheckSchedules([spec], options, steps, hasLoss: true, hasEpochs: false);
        var o = options[0];
        var lr = new double[steps];
        if (o.Schedule is null)
        {
            Array.Fill(lr, o.LearningRate);
            return new SchedulePreview { Optimizer = spec, Steps = steps, Lr = lr };
        }

        // The group an optimizer gives its schedule (GroupedOptimizer): the rule's lr, and the momentum or beta1 it may cycle.
        var cycled = o.CycledMomentum;
        var group = new ScheduleGroup(o.LearningRate, cycled?.Value, cycled?.IsBeta1 ?? false);
        var schedule = o.Schedule.Start(group);
        var losses = request.Losses;
        string? note = null;
        if (schedule.NeedsLoss && losses is null)
            note = "plateau lowers lr when the loss stops falling; without the run's losses the preview holds lr where it starts.";
        else if (schedule.NeedsLoss && losses!.Count < steps)
            throw new ApiInputException("losses", $"plateau reads the loss of every step: {losses.Count} losses for {steps} steps; give one per step.");
        bool stepping = !schedule.NeedsLoss || losses is not null;
        var momentum = o.Schedule.CyclesMomentum && group.Momentum is not null ? new double[steps] : null;
        using var running = limits.Workload.Enter();
        for (int t = 0; t < steps; t++)
        {
            if ((t & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            lr[t] = group.LearningRate;
            if (momentum is not null) momentum[t] = group.Momentum!.Value;
            // As a PyTorch loop calls scheduler.step() after optimizer.step(); after the last step nobody reads it.
            if (stepping && t + 1 < steps) schedule.Step(schedule.NeedsLoss ? losses![t] : double.NaN);
        }
        return new SchedulePreview
        {
            Optimizer = spec,
            Schedule = ScheduleCatalog.Describe(o.Schedule),
            Steps = steps,
            Lr = lr,
            Momentum = momentum,
            MomentumKey = momentum is null ? null : cycled!.Value.IsBeta1 ? "beta1" : "momentum",
            Note = note,
        };
    }
}
