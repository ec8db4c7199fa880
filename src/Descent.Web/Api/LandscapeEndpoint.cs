using Descent.Functions;
using Descent.Lab;

namespace Descent.Web.Api;

/// <summary><c>POST /api/landscape</c>: samples a function on a grid for the page's map.</summary>
public static class LandscapeEndpoint
{
    /// <summary>Points per side when the request gives none.</summary>
    public const int DefaultGrid = 150;

    /// <summary>Samples the function <paramref name="request"/> names.</summary>
    /// <exception cref="ApiInputException">A grid or formula beyond the limits.</exception>
    /// <exception cref="LabInputException"><c>function</c>: an unknown name or a formula that does not parse (the CLI's message).</exception>
    public static Landscape Run(LandscapeRequest request, ApiLimits limits, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        string function = RequestFields.Function(request.Function, limits);
        int grid = request.Grid ?? DefaultGrid;
        if (grid < limits.MinGrid || grid > limits.MaxGrid)
            throw new ApiInputException("grid", $"The grid must have between {limits.MinGrid} and {limits.MaxGrid} points per side, got {grid}.");
        var objective = FunctionResolver.Resolve(function);
        using var running = limits.Workload.Enter();
        var xs = objective.Domain.XValues(grid);
        var ys = objective.Domain.YValues(grid);
        var values = new double[grid * grid];
        for (int j = 0; j < grid; j++)
        {
            cancellation.ThrowIfCancellationRequested();
            objective.Evaluate(xs, ys.AsSpan(j, 1), values.AsSpan(j * grid, grid));
        }
        // The figures' own chooser: the same levels as the PNG of the same function, whatever the grid asked for.
        var levels = ContourLevels.For(objective, objective.Domain);
        return new Landscape
        {
            Name = objective.Name,
            Formula = objective.Formula,
            Kind = objective.Kind.ToString().ToLowerInvariant(),
            Description = objective.Description,
            Domain = objective.Domain,
            Start = objective.Start,
            Minima = objective.Minima,
            Xs = xs,
            Ys = ys,
            Values = values,
            Levels = levels.Levels,
            LevelSource = levels.Given ? "lecture" : "automatic",
            LevelSpacing = levels.Spacing == ContourSpacing.Logarithmic ? "logarithmic" : "linear",
        };
    }
}
