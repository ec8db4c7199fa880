using System.Text.Json;

namespace Descent.Web.Api;

/// <summary><c>POST /api/schedule</c>: an optimizer spec whose learning rate to compute step by step.</summary>
public sealed record ScheduleRequest : IApiRequest<ScheduleRequest>
{
    /// <summary>The optimizer spec, with its schedule (<c>adam(lr=0.25, schedule=cosine(t_max=125))</c>).</summary>
    public string? Optimizer { get; init; }

    /// <summary><c>lecture</c>, <c>lasagne</c>, <c>keras</c> or <c>pytorch</c> (the default).</summary>
    public string? Convention { get; init; }

    /// <summary>Optimizer steps to compute; null for 125, the trajectory's default.</summary>
    public int? Steps { get; init; }

    /// <summary>For <c>plateau</c>: the loss each step's gradient was taken at (at least one per step); null to preview it without.</summary>
    public IReadOnlyList<double>? Losses { get; init; }

    /// <inheritdoc/>
    public static ScheduleRequest Read(JsonElement body)
    {
        var fields = RequestObject.Body(body, ["optimizer", "convention", "steps", "losses"]);
        return new ScheduleRequest
        {
            Optimizer = fields.String("optimizer"),
            Convention = fields.String("convention"),
            Steps = fields.Integer("steps"),
            Losses = fields.Numbers("losses", "the loss at each step"),
        };
    }
}
