namespace Descent.Functions;

/// <summary>A point of the plane.</summary>
public readonly record struct Point2(double X, double Y)
{
    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"({X:R}, {Y:R})");
}
