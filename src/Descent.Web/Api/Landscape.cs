using Descent.Functions;

namespace Descent.Web.Api;

/// <summary>
/// The answer of <c>POST /api/landscape</c>: a function sampled on a grid over its domain, with contour levels,
/// its start and its known minima — what the page needs to draw the map under the paths.
/// </summary>
public sealed record Landscape
{
    /// <summary>The catalog name, or the formula for a typed one.</summary>
    public required string Name { get; init; }

    /// <summary>The formula evaluated.</summary>
    public required string Formula { get; init; }

    /// <summary><c>lecture</c>, <c>classic</c> or <c>formula</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>What it shows (empty for a typed formula).</summary>
    public required string Description { get; init; }

    /// <summary>The rectangle sampled.</summary>
    public required Domain Domain { get; init; }

    /// <summary>The function's default start.</summary>
    public required Point2 Start { get; init; }

    /// <summary>Known minima, global first.</summary>
    public required IReadOnlyList<KnownMinimum> Minima { get; init; }

    /// <summary>The grid's x values, from <c>x_min</c> to <c>x_max</c>.</summary>
    public required IReadOnlyList<double> Xs { get; init; }

    /// <summary>The grid's y values, from <c>y_min</c> to <c>y_max</c>.</summary>
    public required IReadOnlyList<double> Ys { get; init; }

    /// <summary>f on the grid, row by row: <c>values[j·xs.length + i] = f(xs[i], ys[j])</c>; NaN and infinities as strings.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>
    /// The contour levels, ascending: the lecture's for its landscapes, else those <see cref="ContourLevels.For"/> chooses,
    /// the same as the figures (<c>descent trajectory --png</c>) draw for the same function.
    /// </summary>
    public required IReadOnlyList<double> Levels { get; init; }

    /// <summary><c>lecture</c> when <see cref="Levels"/> are the lecture's, <c>automatic</c> when chosen from the function's values.</summary>
    public required string LevelSource { get; init; }

    /// <summary><c>linear</c>, or <c>logarithmic</c> for automatic levels at 1, 2, 5 × 10^k above the lowest value (a function spanning decades).</summary>
    public required string LevelSpacing { get; init; }
}
