namespace Descent.Lab.Render.Sweep;

/// <summary>
/// One line of the sweep figure: an optimizer (and the other grids' values, when it has more than the <c>lr</c> grid),
/// and per learning rate the median and quartiles of the final loss over starts or seeds (a diverged run counts as +∞,
/// so a median that diverged is a gap).
/// </summary>
public sealed record SweepCurve
{
    /// <summary>The legend: the spec as typed, with the other grids' values.</summary>
    public required string Label { get; init; }

    /// <summary>The learning rates, increasing.</summary>
    public IReadOnlyList<double> LearningRates { get; init => field = [.. value]; } = [];

    /// <summary>The median final loss at each learning rate.</summary>
    public IReadOnlyList<double> Median { get; init => field = [.. value]; } = [];

    /// <summary>The first quartile.</summary>
    public IReadOnlyList<double> Lower { get; init => field = [.. value]; } = [];

    /// <summary>The third quartile.</summary>
    public IReadOnlyList<double> Upper { get; init => field = [.. value]; } = [];
}
