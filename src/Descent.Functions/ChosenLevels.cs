namespace Descent.Functions;

/// <summary>The contour levels of a function (<see cref="ContourLevels"/>), and how they are spaced.</summary>
/// <param name="Levels">Increasing, finite levels; chosen ones lie inside the range of the finite values.</param>
/// <param name="Spacing">Linear or logarithmic (explicit levels count as linear).</param>
public sealed record ChosenLevels(IReadOnlyList<double> Levels, ContourSpacing Spacing)
{
    /// <summary>
    /// For logarithmic spacing, the value the levels are measured from (<c>level = Base + 1·10^k, 2·10^k, 5·10^k</c>):
    /// 0 when every value is positive, the lowest value otherwise. 0 for linear spacing.
    /// </summary>
    public double Base { get; init; }

    /// <summary>True when the levels are the function's own (the lecture's, for its landscapes), not chosen from its values.</summary>
    public bool Given { get; init; }
}
