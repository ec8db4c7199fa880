using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Descent.Web.Api;

/// <summary>
/// Reads request bodies: at most <see cref="MaxBodyBytes"/> bytes of UTF-8 JSON, one object whose fields the
/// request type reads strictly (<see cref="RequestObject"/>: snake_case names as in the Lab's result files, no
/// unknown or repeated field, each value of its type). Memory is bounded by the body limit whatever is sent.
/// </summary>
public static class RequestJson
{
    /// <summary>The largest body read, in bytes (64 KiB: a request of the page is well under 10 KiB).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The deepest nesting of arrays and objects parsed; a request needs 2.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = MaxDepth };

    /// <summary>The serializer options that write a request as the API reads it (snake_case, NaN as a string), for clients and tests.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The body of <paramref name="request"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="ApiRequestException">413: more than <see cref="MaxBodyBytes"/>; 400: not a JSON object of <typeparamref name="T"/>'s schema.</exception>
    public static Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellation) where T : IApiRequest<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync<T>(request.Body, request.ContentLength, cancellation);
    }

    /// <summary>
    /// Reads <paramref name="body"/> up to one byte past <see cref="MaxBodyBytes"/> (a declared
    /// <paramref name="contentLength"/> over it is refused before reading), then parses it.
    /// </summary>
    /// <exception cref="ApiRequestException">413: too large; 400: not a JSON object of <typeparamref name="T"/>'s schema.</exception>
    public static async Task<T> ReadAsync<T>(Stream body, long? contentLength, CancellationToken cancellation) where T : IApiRequest<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > MaxBodyBytes) throw TooLarge();
        var buffer = new byte[MaxBodyBytes + 1];
        int length = 0;
        while (length < buffer.Length)
        {
            int read = await body.ReadAsync(buffer.AsMemory(length), cancellation);
            if (read == 0) break;
            length += read;
        }
        return Parse<T>(buffer.AsMemory(0, length));
    }

    /// <summary>The request in <paramref name="utf8"/>.</summary>
    /// <exception cref="ApiRequestException">413: more than <see cref="MaxBodyBytes"/>; 400: not a JSON object of <typeparamref name="T"/>'s schema.</exception>
    public static T Parse<T>(ReadOnlyMemory<byte> utf8) where T : IApiRequest<T>
    {
        if (utf8.Length > MaxBodyBytes) throw TooLarge();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest,
                new ApiError { Message = ApiErrors.Shorten($"The request must be a JSON object (see API.md): {e.Message.Split('\n')[0].Trim()}") }, e);
        }
        using (document) return T.Read(document.RootElement);
    }

    private static ApiRequestException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, new ApiError
        {
            Message = $"The request body is larger than the API takes ({MaxBodyBytes / 1024} KiB); a request of the page is well under that, see API.md.",
        });

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
