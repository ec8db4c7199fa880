using Descent.Lab.Response;
using Descent.Lab.Signals;

namespace Descent.Web.Api;

/// <summary><c>POST /api/response</c>: a <see cref="ResponseRequest"/> checked and turned into a <see cref="ResponseConfig"/>, then run by the Lab.</summary>
public static class ResponseEndpoint
{
    /// <summary>The config <paramref name="request"/> asks for.</summary>
    /// <exception cref="ApiInputException">A field the page refuses.</exception>
    /// <exception cref="Lab.LabInputException">A field the Lab refuses (the CLI's message).</exception>
    public static (ResponseConfig Config, Signal Signal) ToConfig(ResponseRequest request, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var signal = BuiltInSignal(request.Signal);
        var convention = RequestFields.Convention(request.Convention);
        var config = new ResponseConfig
        {
            Signal = request.Signal!,
            Optimizers = RequestFields.Optimizers(request.Optimizers, convention, limits),
            Convention = convention,
            Steps = RequestFields.Steps(request.Steps, limits),
            Interpolation = RequestFields.Interpolation(request.Interpolation),
        };
        return (config, signal);
    }

    /// <summary>Runs <paramref name="request"/>: the result is what <c>descent response --format json</c> prints for the same options.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> (the budget, or the client leaving) stopped the run; checked at every step and look-ahead point.</exception>
    public static ResponseResult Run(ResponseRequest request, ApiLimits limits, CancellationToken cancellation)
    {
        var (config, signal) = ToConfig(request, limits);
        using var running = limits.Workload.Enter();
        return ResponseExperiment.Run(config, signal, null, cancellation);
    }

    // The page runs built-in signals only: a server must not read files named by a request.
    private static Signal BuiltInSignal(string? name)
    {
        if (name is null || name.Trim().Length == 0) return SignalCatalog.Resolve("");
        if (SignalCatalog.IsFile(name))
            throw new ApiInputException("signal", $"The page runs built-in signals only, not files; valid: {string.Join(", ", SignalCatalog.Names)}.");
        return SignalCatalog.TryFind(name)?.Create() ?? SignalCatalog.Get(name);
    }
}
