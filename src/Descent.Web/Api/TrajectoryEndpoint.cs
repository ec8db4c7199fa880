using Descent.Lab.Trajectory;

namespace Descent.Web.Api;

/// <summary><c>POST /api/trajectory</c>: a <see cref="TrajectoryRequest"/> checked and turned into a <see cref="TrajectoryConfig"/>, then run by the Lab.</summary>
public static class TrajectoryEndpoint
{
    /// <summary>The config <paramref name="request"/> asks for.</summary>
    /// <exception cref="ApiInputException">A field the page refuses.</exception>
    /// <exception cref="Lab.LabInputException">A field the Lab refuses (the CLI's message).</exception>
    public static TrajectoryConfig ToConfig(TrajectoryRequest request, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var convention = RequestFields.Convention(request.Convention);
        var config = new TrajectoryConfig
        {
            Function = RequestFields.Function(request.Function, limits),
            Optimizers = RequestFields.Optimizers(request.Optimizers, convention, limits),
            Convention = convention,
            Start = request.Start,
            Steps = RequestFields.Steps(request.Steps, limits, checkLower: true),
        };
        TrajectoryExperiment.Validate(config);
        return config;
    }

    /// <summary>Runs <paramref name="request"/>: the result is what <c>descent trajectory --format json</c> prints for the same options.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> (the budget, or the client leaving) stopped the run; checked at every step and look-ahead gradient.</exception>
    public static TrajectoryResult Run(TrajectoryRequest request, ApiLimits limits, CancellationToken cancellation)
    {
        var config = ToConfig(request, limits);
        using var running = limits.Workload.Enter();
        return TrajectoryExperiment.Run(config, null, cancellation);
    }
}
