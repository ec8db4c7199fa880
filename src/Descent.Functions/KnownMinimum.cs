namespace Descent.Functions;

/// <summary>
/// A minimum of a function on its domain: where it lies and the value there. <see cref="IsGlobal"/> is
/// false for local minima worth marking (the lecture's traps, Goldstein–Price's side basins).
/// Coordinates are the nearest doubles to minima located to 50 digits with mpmath
/// (tests/Descent.Functions.Tests/Reference/minima.py) or known in closed form.
/// </summary>
public readonly record struct KnownMinimum(double X, double Y, double Value, bool IsGlobal = true)
{
    /// <summary>The location as a point.</summary>
    public Point2 Point => new(X, Y);

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"f({X:R}, {Y:R}) = {Value:R}{(IsGlobal ? "" : " (local)")}");
}
