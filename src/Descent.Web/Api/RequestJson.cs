using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Descent.Web.Api;

/// <summary>
/// Reads request bodies: snake_case names as in the Lab's result files, numbers or the strings
/// <c>"NaN"</c>/<c>"Infinity"</c>, and unknown fields refused (a misspelt <c>optimiser</c> is an error,
/// not a silent default).
/// </summary>
public static class RequestJson
{
    /// <summary>The serializer options for requests.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The body of <paramref name="request"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="ApiInputException">An empty body or text that is not a JSON object of the right shape.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellation) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellation)
                ?? throw Invalid("the body is null");
        }
        catch (JsonException e)
        {
            throw Invalid(e.Message.Split('\n')[0].Trim(), e);
        }
    }

    private static ApiInputException Invalid(string why, Exception? inner = null) =>
        new(null, $"The request must be a JSON object (see API.md): {why}", null, inner);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
