namespace Descent.Lab.Render.Landscape;

/// <summary>
/// One optimizer's path over a landscape, as the trajectory experiment recorded it: the coordinates at
/// every step (step 0 is the start) and, for a path that left the finite numbers, the step at which it
/// diverged. The renderer draws it as far as it went and says so in the legend.
/// </summary>
/// <param name="Label">The legend text, e.g. the optimizer spec as the user typed it.</param>
/// <param name="Xs">x at steps 0, 1, …; may hold NaN or huge values after a divergence.</param>
/// <param name="Ys">y at the same steps as <paramref name="Xs"/>.</param>
/// <param name="DivergedAtStep">The first step whose point is not drawn as part of the path; null when the path never diverged.</param>
public sealed record LandscapePath(string Label, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, int? DivergedAtStep = null)
{
    /// <summary>Whether the path diverged.</summary>
    public bool Diverged => DivergedAtStep is not null;

    /// <summary>The number of recorded steps (points), the shorter of the two coordinate lists.</summary>
    public int Count => Math.Min(Xs.Count, Ys.Count);

    /// <summary>
    /// The learning rate of each step as the run recorded it (index <c>k</c> is step <c>k + 1</c>), or null when the
    /// run recorded none (no spec had a schedule). A figure with any draws them in a panel under the landscape.
    /// </summary>
    public IReadOnlyList<double>? LearningRates { get; init; }

    /// <summary>The loss at each point as recorded (for the evaluations panel), or null.</summary>
    public IReadOnlyList<double>? Losses { get; init; }

    /// <summary>
    /// The gradient evaluations of each step as the run recorded them (index <c>k</c> is step <c>k + 1</c>), or null when
    /// it counted none (every rule took one per step). A still figure with any adds a loss-by-evaluations panel.
    /// </summary>
    public IReadOnlyList<int>? Evaluations { get; init; }

    /// <summary>The label the legend shows: the label, with "(diverged at step N)" for a diverged path.</summary>
    public string LegendText => DivergedAtStep is int d ? $"{Label} (diverged at step {d})" : Label;
}
