using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Descent.Web.Api;

/// <summary>The routes of the JSON API (API.md); each hands over to a small class that holds the logic.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every route on <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var functions = CatalogEndpoints.Functions();
        var signals = CatalogEndpoints.Signals();
        var recipes = CatalogEndpoints.Recipes();
        var defaults = CatalogEndpoints.Defaults();
        app.MapGet("/api/functions", (HttpContext c) => JsonEndpoint.Get(c, functions));
        app.MapGet("/api/optimizers", (HttpContext c) => JsonEndpoint.Get(c, CatalogEndpoints.Optimizers()));
        app.MapGet("/api/signals", (HttpContext c) => JsonEndpoint.Get(c, signals));
        app.MapGet("/api/recipes", (HttpContext c) => JsonEndpoint.Get(c, recipes));
        app.MapGet("/api/defaults", (HttpContext c) => JsonEndpoint.Get(c, defaults));
        app.MapPost("/api/landscape", (HttpContext c) => JsonEndpoint.Post<LandscapeRequest>(c, LandscapeEndpoint.Run));
        app.MapPost("/api/trajectory", (HttpContext c) => JsonEndpoint.Post<TrajectoryRequest>(c, TrajectoryEndpoint.Run));
        app.MapPost("/api/response", (HttpContext c) => JsonEndpoint.Post<ResponseRequest>(c, ResponseEndpoint.Run));
        app.MapPost("/api/spec", (HttpContext c) => JsonEndpoint.Post<SpecRequest>(c, SpecEndpoint.Run));
        app.MapPost("/api/schedule", (HttpContext c) => JsonEndpoint.Post<ScheduleRequest>(c, ScheduleEndpoint.Run));
        app.MapPost("/api/sweep", (HttpContext c) => JsonEndpoint.Post<SweepRequest>(c, SweepEndpoint.Run));
    }
}
