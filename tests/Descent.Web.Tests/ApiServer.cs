using System.Text;
using System.Text.Json;
using Descent.Web;
using Descent.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Descent.Web.Tests;

/// <summary>The app on an in-memory test server (Microsoft.AspNetCore.Mvc.Testing's TestHost), with a client.</summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiServer(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    /// <summary>A client of the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the app exactly as <c>descent serve</c> builds it, on a test server.</summary>
    public static async Task<ApiServer> StartAsync(ApiLimits? limits = null)
    {
        var app = DescentWeb.Build([], 0, limits, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new ApiServer(app);
    }

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>POSTs <paramref name="content"/> to <paramref name="path"/> with extra <paramref name="headers"/> (as a browser would send them).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Client.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="body"/> serialized with the API's request names.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body) =>
        PostAsync(path, JsonSerializer.Serialize(body, body.GetType(), RequestJson.Options));

    /// <summary>The <c>error</c> object of a 400 answer (or of another <paramref name="status"/>).</summary>
    public static async Task<ApiError> ErrorOf(HttpResponseMessage response, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        var body = JsonSerializer.Deserialize<ApiErrorBody>(await response.Content.ReadAsStringAsync(), JsonEndpoint.Options);
        return body!.Error;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
