using Descent.Lab.Sweep;

namespace Descent.Web.Api;

/// <summary>
/// <c>POST /api/sweep</c>: a <see cref="SweepRequest"/> checked and turned into a landscape <see cref="SweepConfig"/>, then run
/// by the Lab; the answer is what <c>descent sweep --format json</c> prints for the same options. The page draws its heatmap
/// from the rows and replays a cell through <c>/api/trajectory</c> with the row's spec and start.
/// </summary>
public static class SweepEndpoint
{
    /// <summary>The most runs (cells × starts) one request may ask for: the page's sweeps answer within its time budget.</summary>
    public const int MaxRuns = 5_000;

    /// <summary>The most starts per cell on the page.</summary>
    public const int MaxStarts = 20;

    /// <summary>The config <paramref name="request"/> asks for, checked (grids, specs, function, limits) before any work.</summary>
    /// <exception cref="ApiInputException">A field the page refuses.</exception>
    /// <exception cref="Lab.LabInputException">A field the Lab refuses (the CLI's message).</exception>
    public static SweepPlan Plan(SweepRequest request, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var optimizers = request.Optimizers ?? [];
        if (optimizers.Count > limits.MaxOptimizers)
            throw new ApiInputException("optimizer", $"At most {limits.MaxOptimizers} optimizers at once on the page; got {optimizers.Count}.");
        if (request.Starts is < 1 or > MaxStarts)
            throw new ApiInputException("starts", $"Starts must be between 1 and {MaxStarts} on the page (the descent command takes more), got {request.Starts}.");
        var config = new SweepConfig
        {
            Function = RequestFields.Function(request.Function, limits),
            Optimizers = optimizers,
            Convention = RequestFields.Convention(request.Convention),
            Steps = RequestFields.Steps(request.Steps, limits, checkLower: true),
            Starts = request.Starts ?? 1,
            Target = request.Target,
        };
        var plan = SweepExperiment.Plan(config);
        if (plan.RunCount > MaxRuns)
            throw new ApiInputException("optimizer", $"The grids give {plan.RunCount} runs (cells × starts); the page takes at most {MaxRuns}: use descent sweep for more.");
        return plan;
    }

    /// <summary>Runs <paramref name="request"/> on every core.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> (the budget, or the client leaving) stopped the run.</exception>
    public static SweepResult Run(SweepRequest request, ApiLimits limits, CancellationToken cancellation)
    {
        var plan = Plan(request, limits);
        using var running = limits.Workload.Enter();
        return SweepExperiment.Run(plan, null, null, cancellation);
    }
}
