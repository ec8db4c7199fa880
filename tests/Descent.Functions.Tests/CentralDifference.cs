namespace Descent.Functions.Tests;

/// <summary>
/// Gradient by central differences with one Richardson extrapolation, an independent check of the
/// automatic differentiation: <c>D(h) = (f(x+h) − f(x−h))/2h</c>, <c>R = (4·D(h/2) − D(h))/3</c>,
/// truncation error h⁴·f⁽⁵⁾/480.
/// </summary>
public static class CentralDifference
{
    public const double Step = 1e-3;

    public static (double Dx, double Dy) Gradient(Func<double, double, double> f, double x, double y, double h = Step) =>
        (Richardson(t => f(t, y), x, h), Richardson(t => f(x, t), y, h));

    private static double Richardson(Func<double, double> f, double t, double h)
    {
        double d1 = (f(t + h) - f(t - h)) / (2 * h);
        double d2 = (f(t + h / 2) - f(t - h / 2)) / h;
        return (4 * d2 - d1) / 3;
    }

    /// <summary>
    /// What a correct gradient may differ by: the extrapolation's truncation (relative 1e-7 of the
    /// gradient, far above h⁴·f⁽⁵⁾/480 for these functions) plus the rounding of the differences,
    /// about 3ε·|f|/h, with a margin of 10.
    /// </summary>
    public static double Tolerance(double value, double gradient, double h = Step) =>
        1e-7 * (1 + Math.Abs(gradient)) + 30 * 2.220446049250313e-16 * Math.Abs(value) / h;

    /// <summary>Checks the gradient of <paramref name="f"/> on an n×n grid inside <paramref name="domain"/>.</summary>
    public static void AssertGradientOnGrid(Objective f, Domain domain, Func<double, double, bool>? skip = null, int n = 9)
    {
        int checkedPoints = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // Off-centre offsets keep the grid away from the symmetric points where kinks and ties sit.
                double x = domain.XMin + (i + 0.37) / n * domain.Width;
                double y = domain.YMin + (j + 0.61) / n * domain.Height;
                if (skip?.Invoke(x, y) == true) continue;
                double value = f.ValueAndGradient(x, y, out double dx, out double dy);
                var (cx, cy) = Gradient(f.Value, x, y);
                Assert.True(double.IsFinite(value) && double.IsFinite(dx) && double.IsFinite(dy), $"{f.Name} at ({x:R}, {y:R}): {value}, ({dx}, {dy})");
                Assert.True(Math.Abs(dx - cx) <= Tolerance(value, cx), $"{f.Name} ∂x at ({x:R}, {y:R}): autodiff {dx:R}, central difference {cx:R}");
                Assert.True(Math.Abs(dy - cy) <= Tolerance(value, cy), $"{f.Name} ∂y at ({x:R}, {y:R}): autodiff {dy:R}, central difference {cy:R}");
                checkedPoints++;
            }
        }
        Assert.True(checkedPoints >= n * n / 2, $"{f.Name}: only {checkedPoints} points checked");
    }
}
