using System.Text.Json;
using Descent.Functions;

namespace Descent.Web.Api;

/// <summary>
/// <c>POST /api/trajectory</c>: the fields of a <c>TrajectoryConfig</c> (and of <c>descent trajectory</c>'s options),
/// the names as text so that a bad value gets the CLI's message.
/// </summary>
public sealed record TrajectoryRequest : IApiRequest<TrajectoryRequest>
{
    /// <summary>A built-in function's name or a formula in x and y.</summary>
    public string? Function { get; init; }

    /// <summary>Optimizer specs (<c>adam(lr=0.25)</c>), one path each.</summary>
    public IReadOnlyList<string>? Optimizers { get; init; }

    /// <summary><c>lecture</c>, <c>lasagne</c>, <c>keras</c> or <c>pytorch</c> (the default).</summary>
    public string? Convention { get; init; }

    /// <summary>Where every path starts, <c>{"x": …, "y": …}</c>; null for the function's own start.</summary>
    public Point2? Start { get; init; }

    /// <summary>Steps per path; null for the experiment's default (125, the lecture's).</summary>
    public int? Steps { get; init; }

    /// <inheritdoc/>
    public static TrajectoryRequest Read(JsonElement body)
    {
        var fields = RequestObject.Body(body, ["function", "optimizers", "convention", "start", "steps"]);
        var start = fields.Object("start", ["x", "y"], """{"x": number, "y": number}""");
        return new TrajectoryRequest
        {
            Function = fields.String("function"),
            Optimizers = fields.Strings("optimizers", "optimizer specs such as adam(lr=0.25)"),
            Convention = fields.String("convention"),
            Start = start is null ? null : new Point2(start.Number("x"), start.Number("y")),
            Steps = fields.Integer("steps"),
        };
    }
}
