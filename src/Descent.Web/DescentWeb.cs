using System.Net;
using Descent.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Descent.Web;

/// <summary>
/// The playground behind <c>descent serve</c>: the page (embedded static files) and the JSON API over the
/// same Lab code as the CLI, on 127.0.0.1 only. <see cref="Build"/> is the one place the app is put
/// together, so the CLI and the tests run the same thing.
/// </summary>
public static class DescentWeb
{
    /// <summary>The port <c>descent serve</c> listens on when none is given.</summary>
    public const int DefaultPort = 5217;

    /// <summary>
    /// The app, listening on 127.0.0.1:<paramref name="port"/> (0 picks a free port; read it from
    /// <see cref="WebApplication.Urls"/> after start). <paramref name="configure"/> runs last on the builder,
    /// e.g. for a test server.
    /// </summary>
    public static WebApplication Build(string[] args, int port, ApiLimits? limits = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Production whatever DOTNET_ENVIRONMENT says: the developer exception page would put stack traces in answers.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
        });
        // Warnings and failures go to stderr; a failed start is the caller's to report in one line (descent serve: a busy port).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(limits ?? new ApiLimits());
        // Only the loopback names: a page elsewhere cannot reach this server through a rebound DNS name.
        builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["127.0.0.1", "localhost", "[::1]"]);
        builder.Services.AddHostFiltering(_ => { });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(ApiMiddleware.CatchFaults);
        app.UseHostFiltering();
        app.Use(ApiMiddleware.Guard);
        PlaygroundPage.Map(app);
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>The address the started <paramref name="app"/> listens on, ending in '/' (<c>http://127.0.0.1:5217/</c>).</summary>
    public static string Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string url = app.Urls.First();
        return url.EndsWith('/') ? url : url + "/";
    }
}
