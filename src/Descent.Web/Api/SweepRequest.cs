using System.Text.Json;

namespace Descent.Web.Api;

/// <summary>
/// <c>POST /api/sweep</c>: a landscape sweep, the fields of a <c>SweepConfig</c> (and of <c>descent sweep</c>'s options),
/// specs with grids (<c>adam(lr=[1e-3..1:13log], beta1=[0.5,0.9])</c>).
/// </summary>
public sealed record SweepRequest : IApiRequest<SweepRequest>
{
    /// <summary>A built-in function's name or a formula in x and y.</summary>
    public string? Function { get; init; }

    /// <summary>Optimizer specs with grids.</summary>
    public IReadOnlyList<string>? Optimizers { get; init; }

    /// <summary><c>lecture</c>, <c>lasagne</c> or <c>pytorch</c> (the default).</summary>
    public string? Convention { get; init; }

    /// <summary>Steps per run; null for 125.</summary>
    public int? Steps { get; init; }

    /// <summary>Starts per cell; null for 1.</summary>
    public int? Starts { get; init; }

    /// <summary>The target loss; null for none.</summary>
    public double? Target { get; init; }

    /// <inheritdoc/>
    public static SweepRequest Read(JsonElement body)
    {
        var fields = RequestObject.Body(body, ["function", "optimizers", "convention", "steps", "starts", "target"]);
        return new SweepRequest
        {
            Function = fields.String("function"),
            Optimizers = fields.Strings("optimizers", "optimizer specs with grids such as adam(lr=[1e-3..1:13log])"),
            Convention = fields.String("convention"),
            Steps = fields.Integer("steps"),
            Starts = fields.Integer("starts"),
            Target = body.TryGetProperty("target", out var target) && target.ValueKind != JsonValueKind.Null ? fields.Number("target") : null,
        };
    }
}
