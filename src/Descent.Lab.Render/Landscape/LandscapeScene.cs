using Descent.Functions;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Everything a landscape picture or animation shows, as plain data: the function, the rectangle to
/// draw, the contour levels, the optimizer paths, and the marks. The trajectory experiment builds one
/// from its result; <see cref="LandscapeFigure"/> and <see cref="LandscapeAnimation"/> draw it.
/// Every property but the objective and the paths defaults to what the objective says.
/// </summary>
/// <param name="Objective">The function whose contours are drawn (its values are sampled on a grid).</param>
/// <param name="Paths">The optimizer paths, drawn in order with the lecture's colors (matplotlib's tab10).</param>
public sealed record LandscapeScene(Objective Objective, IReadOnlyList<LandscapePath> Paths)
{
    /// <summary>The title above the picture; the objective's name by default.</summary>
    public string Title { get; init; } = Objective.Name;

    /// <summary>The rectangle drawn (the axes' limits); the objective's domain by default.</summary>
    public Domain Domain { get; init; } = Objective.Domain;

    /// <summary>
    /// Explicit contour levels (the lecture's, for its landscapes), or null to choose them from the sampled
    /// values with <see cref="Descent.Functions.ContourLevels.For"/>.
    /// </summary>
    public IReadOnlyList<double>? ContourLevels { get; init; } = Objective.ContourLevels;

    /// <summary>
    /// The spacing of the sampling grid (the lecture's 0.05 on <c>arange(−3, 3, 0.05)</c>), or null for
    /// <see cref="GridPoints"/> evenly spaced points per axis, both ends included.
    /// </summary>
    public double? GridStep { get; init; } = Objective.GridStep;

    /// <summary>Points per axis of the sampling grid when <see cref="GridStep"/> is null.</summary>
    public int GridPoints { get; init; } = 201;

    /// <summary>Whether to paint the values as a colored map under the contour lines.</summary>
    public bool Heatmap { get; init; }

    /// <summary>
    /// The start point to mark, or null for no mark; by default the first path's first point (when finite),
    /// or the objective's start when there is no such path.
    /// </summary>
    public Point2? Start { get; init; } = Paths.FirstOrDefault(p => p.Count > 0 && double.IsFinite(p.Xs[0]) && double.IsFinite(p.Ys[0])) is { } first
        ? new Point2(first.Xs[0], first.Ys[0])
        : Objective.Start;

    /// <summary>Known minima to mark (global ones as black crosses, local ones grey); the objective's by default.</summary>
    public IReadOnlyList<KnownMinimum> Minima { get; init; } = Objective.Minima;
}
