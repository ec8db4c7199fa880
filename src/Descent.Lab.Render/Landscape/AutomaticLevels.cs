namespace Descent.Lab.Render.Landscape;

/// <summary>Contour levels chosen from a function's sampled values, and how they are spaced.</summary>
/// <param name="Levels">Increasing levels inside the range of the finite values.</param>
/// <param name="Spacing">Linear or logarithmic.</param>
public sealed record AutomaticLevels(IReadOnlyList<double> Levels, ContourSpacing Spacing)
{
    /// <summary>
    /// For logarithmic spacing, the value the levels are measured from (<c>level = Base + 1·10^k, 2·10^k, 5·10^k</c>):
    /// 0 when every value is positive, the lowest value otherwise. 0 for linear spacing.
    /// </summary>
    public double Base { get; init; }
}
