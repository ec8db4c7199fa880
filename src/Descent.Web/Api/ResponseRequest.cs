using System.Text.Json;

namespace Descent.Web.Api;

/// <summary>
/// <c>POST /api/response</c>: the fields of a <c>ResponseConfig</c> (and of <c>descent response</c>'s options), as text
/// so that a bad value gets the CLI's message.
/// </summary>
public sealed record ResponseRequest : IApiRequest<ResponseRequest>
{
    /// <summary>A built-in signal's name (<c>rectangles</c>); the page takes no files.</summary>
    public string? Signal { get; init; }

    /// <summary>Optimizer specs (<c>adam(lr=0.25)</c>), one curve each.</summary>
    public IReadOnlyList<string>? Optimizers { get; init; }

    /// <summary><c>lecture</c>, <c>lasagne</c>, <c>keras</c> or <c>pytorch</c> (the default).</summary>
    public string? Convention { get; init; }

    /// <summary>Steps; null for the whole signal.</summary>
    public int? Steps { get; init; }

    /// <summary><c>linear</c> (the default) or <c>lecture</c>.</summary>
    public string? Interpolation { get; init; }

    /// <inheritdoc/>
    public static ResponseRequest Read(JsonElement body)
    {
        var fields = RequestObject.Body(body, ["signal", "optimizers", "convention", "steps", "interpolation"]);
        return new ResponseRequest
        {
            Signal = fields.String("signal"),
            Optimizers = fields.Strings("optimizers", "optimizer specs such as adam(lr=0.25)"),
            Convention = fields.String("convention"),
            Steps = fields.Integer("steps"),
            Interpolation = fields.String("interpolation"),
        };
    }
}
