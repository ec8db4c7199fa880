using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Descent.Web.Api;

/// <summary>
/// What stands before every API route. Any web page the user visits can send requests to 127.0.0.1; a page may
/// send a "simple" cross-origin POST (text/plain, a form) without asking the server first, and would get the
/// server to compute for it. So the API answers only its own page and non-browser clients: requests another page
/// sends are refused by their <c>Origin</c> and <c>Sec-Fetch-Site</c> headers (403), and a body must be declared
/// <c>application/json</c> (415), which a browser sends cross-origin only after a preflight that is refused too.
/// </summary>
public static class ApiMiddleware
{
    /// <summary>The host names the server's own page is loaded from (the Host check allows no others).</summary>
    public static IReadOnlyList<string> OwnHostNames { get; } = ["127.0.0.1", "localhost"];

    /// <summary>Refuses, for paths under <c>/api</c>, what <see cref="Refusal"/> refuses; passes the rest on.</summary>
    public static async Task Guard(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Refusal(context.Request) is var (status, error))
        {
            await JsonEndpoint.WriteError(context, status, error);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// Answers a failure that is not about the input with a 500 whose body says where to look (the server's
    /// terminal, where it is logged), never a stack trace; a client that left gets nothing.
    /// </summary>
    public static async Task CatchFaults(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: there is no one to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ApiMiddleware))
                .LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            await JsonEndpoint.WriteError(context, StatusCodes.Status500InternalServerError, new ApiError
            {
                Message = "The server failed on this request; the terminal running descent serve shows why.",
            });
        }
    }

    /// <summary>The status and error for a request to <c>/api</c> that must not be served, or null.</summary>
    public static (int Status, ApiError Error)? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return null;

        // Fetch metadata, sent by current browsers: "same-site" is another port of localhost, i.e. another server's page.
        var site = request.Headers["Sec-Fetch-Site"];
        if (!StringValues.IsNullOrEmpty(site) && site.ToString() is not ("same-origin" or "none"))
            return Forbidden($"The API answers only the playground's own page; a request from another web page (Sec-Fetch-Site: {ApiErrors.Echo(site.ToString())}) is refused.");

        var origin = request.Headers.Origin;
        if (!StringValues.IsNullOrEmpty(origin) && !IsOwnOrigin(origin.ToString(), request.Host))
            return Forbidden($"The API answers only the playground's own page ({string.Join(" or ", OwnOrigins(request.Host))}); a request from the origin {ApiErrors.Echo(origin.ToString())} is refused.");

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !IsJson(request.ContentType))
            return (StatusCodes.Status415UnsupportedMediaType, new ApiError
            {
                Message = $"The request body must be JSON sent with Content-Type: application/json (got {(request.ContentType is { } t ? ApiErrors.Echo(t) : "none")}); see API.md.",
            });
        return null;
    }

    /// <summary>The origins of the server's own page for <paramref name="host"/>: <c>http://127.0.0.1:PORT</c> and <c>http://localhost:PORT</c>.</summary>
    public static IEnumerable<string> OwnOrigins(HostString host)
    {
        int port = host.Port ?? 80;
        return OwnHostNames.Select(name => port == 80 ? $"http://{name}" : $"http://{name}:{port}");
    }

    private static bool IsOwnOrigin(string origin, HostString host) =>
        OwnOrigins(host).Contains(origin, StringComparer.OrdinalIgnoreCase);

    // application/json, with no charset or UTF-8 (JSON's only encoding on the web).
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static (int, ApiError) Forbidden(string message) =>
        (StatusCodes.Status403Forbidden, new ApiError { Message = message });
}
