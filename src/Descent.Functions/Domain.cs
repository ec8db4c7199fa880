namespace Descent.Functions;

/// <summary>The rectangle a function is drawn on: [<see cref="XMin"/>, <see cref="XMax"/>] × [<see cref="YMin"/>, <see cref="YMax"/>].</summary>
public readonly record struct Domain(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>A square [min, max]².</summary>
    public static Domain Square(double min, double max) => new(min, max, min, max);

    /// <summary>Width, <c>XMax − XMin</c>.</summary>
    public double Width => XMax - XMin;

    /// <summary>Height, <c>YMax − YMin</c>.</summary>
    public double Height => YMax - YMin;

    /// <summary>Whether the point lies in the closed rectangle.</summary>
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;

    /// <summary>
    /// <paramref name="count"/> evenly spaced x values from <see cref="XMin"/> to <see cref="XMax"/>
    /// inclusive (NumPy's <c>linspace</c>).
    /// </summary>
    public double[] XValues(int count) => Linspace(XMin, XMax, count);

    /// <summary><paramref name="count"/> evenly spaced y values, both ends included.</summary>
    public double[] YValues(int count) => Linspace(YMin, YMax, count);

    /// <summary>
    /// x values <c>XMin + i·step</c> below <see cref="XMax"/>, as NumPy's <c>arange(XMin, XMax, step)</c> computes them:
    /// the lecture's grid is <c>arange(−3, 3, 0.05)</c>, 120 values, 3 excluded.
    /// </summary>
    public double[] XValues(double step) => Arange(XMin, XMax, step);

    /// <summary>y values as NumPy's <c>arange(YMin, YMax, step)</c>.</summary>
    public double[] YValues(double step) => Arange(YMin, YMax, step);

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"[{XMin:R}, {XMax:R}] × [{YMin:R}, {YMax:R}]");

    private static double[] Linspace(double min, double max, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var values = new double[count];
        double step = (max - min) / (count - 1);
        for (int i = 0; i < count; i++) values[i] = min + i * step;
        values[^1] = max;
        return values;
    }

    private static double[] Arange(double start, double stop, double step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        int count = (int)Math.Max(0, Math.Ceiling((stop - start) / step));
        var values = new double[count];
        // NumPy stores start and start + step, then fills start + i·delta with delta = (start + step) − start.
        double delta = (start + step) - start;
        for (int i = 0; i < count; i++) values[i] = i == 1 ? start + step : start + i * delta;
        return values;
    }
}
