using System.Text.Json;
using Descent.Lab.IO;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Web.Api;

/// <summary>
/// The frame of every API call: read the request, compute within <see cref="ApiLimits.TimeBudget"/> off the
/// request thread, answer 200 with the result as the Lab writes it (<see cref="LabJson"/>, the CLI's
/// <c>--format json</c>), or 400 with an <see cref="ApiError"/> for bad input or a run over budget (413 for a body
/// over <see cref="RequestJson.MaxBodyBytes"/>).
/// </summary>
public static class JsonEndpoint
{
    /// <summary>The Lab's JSON options without indentation: the same fields and values, fewer bytes.</summary>
    public static JsonSerializerOptions Options { get; } = new(LabJson.Options) { WriteIndented = false };

    /// <summary>Answers a POST whose body is a <typeparamref name="TRequest"/>.</summary>
    public static async Task Post<TRequest>(HttpContext context, Func<TRequest, ApiLimits, CancellationToken, object> work) where TRequest : IApiRequest<TRequest>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var limits = context.RequestServices.GetRequiredService<ApiLimits>();
        try
        {
            var request = await RequestJson.ReadAsync<TRequest>(context.Request, context.RequestAborted);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            if (limits.TimeBudget > TimeSpan.Zero) budget.CancelAfter(limits.TimeBudget);
            else budget.Cancel();
            object result;
            try
            {
                result = await Task.Run(() => work(request, limits, budget.Token), budget.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                throw new ApiInputException(null,
                    $"The computation took longer than the page's budget of {limits.TimeBudget.TotalSeconds:0.#} s; ask for fewer steps, optimizers or grid points, or run it with the descent command.");
            }
            await Write(context, StatusCodes.Status200OK, result);
        }
        catch (ApiRequestException e)
        {
            await WriteError(context, e.Status, e.Error);
        }
        catch (Exception e) when (ApiErrors.Describe(e) is { } error)
        {
            await WriteError(context, ApiErrors.Status(Lab.ErrorKind.BadInput), error);
        }
    }

    /// <summary>Answers a GET with <paramref name="value"/>.</summary>
    public static Task Get(HttpContext context, object value)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Write(context, StatusCodes.Status200OK, value);
    }

    /// <summary>Answers <paramref name="status"/> with <c>{"error": <paramref name="error"/>}</c>.</summary>
    public static Task WriteError(HttpContext context, int status, ApiError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        return Write(context, status, new ApiErrorBody(error));
    }

    private static async Task Write(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, value.GetType(), Options, context.RequestAborted);
    }
}
