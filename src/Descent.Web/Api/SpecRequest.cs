using System.Text.Json;

namespace Descent.Web.Api;

/// <summary><c>POST /api/spec</c>: an optimizer spec to read, check and write back in its canonical form.</summary>
public sealed record SpecRequest : IApiRequest<SpecRequest>
{
    /// <summary>The spec as typed (<c>adam(lr=0.25, schedule=cosine(t_max=125))</c>).</summary>
    public string? Spec { get; init; }

    /// <summary><c>lecture</c>, <c>lasagne</c>, <c>keras</c> or <c>pytorch</c> (the default): which keys exist and what their defaults are.</summary>
    public string? Convention { get; init; }

    /// <inheritdoc/>
    public static SpecRequest Read(JsonElement body)
    {
        var fields = RequestObject.Body(body, ["spec", "convention"]);
        return new SpecRequest { Spec = fields.String("spec"), Convention = fields.String("convention") };
    }
}
