using System.Text.Json;

namespace Descent.Web.Api;

/// <summary><c>POST /api/landscape</c>: a function to draw and how finely to sample it.</summary>
public sealed record LandscapeRequest : IApiRequest<LandscapeRequest>
{
    /// <summary>A built-in function's name or a formula in x and y, as <c>--function</c> takes it.</summary>
    public string? Function { get; init; }

    /// <summary>Points per side of the sampling grid; null for <see cref="LandscapeEndpoint.DefaultGrid"/>.</summary>
    public int? Grid { get; init; }

    /// <inheritdoc/>
    public static LandscapeRequest Read(JsonElement body)
    {
        var fields = RequestObject.Body(body, ["function", "grid"]);
        return new LandscapeRequest
        {
            Function = fields.String("function"),
            Grid = fields.Integer("grid"),
        };
    }
}
