namespace Descent.Functions;

/// <summary>
/// A 2-D function to minimize, with what it takes to run optimizers on it and to draw it: its formula,
/// an exact gradient, the domain to draw, a default start, the known minima and, for the lecture's
/// landscapes, the lecture's contour levels and grid.
/// <para>Evaluation goes through compiled delegates and allocates nothing: the renderer's grids and the
/// page's animation call it freely. Every built-in function is a formula compiled by the same engine as
/// a typed one, so typing a built-in's formula gives the same bits.</para>
/// <para>A record: adjust with <c>with</c>, e.g. <c>objective with { Start = new(1, 2) }</c>.</para>
/// </summary>
public sealed record Objective
{
    private readonly CompiledFormula _compiled;
    private readonly ValueFunction _value;
    private readonly ValueGradientFunction _valueAndGradient;

    /// <summary>
    /// An objective over <paramref name="compiled"/>, named <paramref name="name"/>; the other
    /// properties start as for a typed formula (the lecture's domain and start, no known minima,
    /// automatic contour levels).
    /// </summary>
    public Objective(string name, CompiledFormula compiled)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(compiled);
        Name = name;
        _compiled = compiled;
        _value = compiled.Value;
        _valueAndGradient = compiled.ValueAndGradient;
    }

    /// <summary>
    /// Compiles a typed formula (<see cref="FormulaSyntax"/>) into an objective named after it, drawn on
    /// the lecture's domain [−3, 3]² from the lecture's start (−2.8, −2.5).
    /// </summary>
    /// <exception cref="FormulaException">The formula does not parse.</exception>
    public static Objective FromFormula(string formula, string? name = null) =>
        new(name ?? formula.Trim(), CompiledFormula.Compile(formula));

    /// <summary>The catalog name (<c>hills-and-canyon</c>), or the formula itself for a typed one.</summary>
    public string Name { get; init; }

    /// <summary>The formula in <see cref="FormulaSyntax"/>; for built-ins, the text they are compiled from.</summary>
    public string Formula => _compiled.Text;

    /// <summary>The compiled formula behind this objective.</summary>
    public CompiledFormula Compiled => _compiled;

    /// <summary>One or two sentences for listings: what the function shows, where it comes from.</summary>
    public string Description { get; init; } = "";

    /// <summary>Lecture landscape, classic test function or typed formula.</summary>
    public FunctionKind Kind { get; init; } = FunctionKind.Formula;

    /// <summary>The rectangle to draw.</summary>
    public Domain Domain { get; init; } = FunctionCatalog.LectureDomain;

    /// <summary>The default start of optimizer paths.</summary>
    public Point2 Start { get; init; } = FunctionCatalog.LectureStart;

    /// <summary>Known minima on the domain, global first; empty when unknown or unbounded below.</summary>
    public IReadOnlyList<KnownMinimum> Minima { get; init; } = [];

    /// <summary>Explicit contour levels (the lecture's, for its landscapes); null to choose them automatically.</summary>
    public IReadOnlyList<double>? ContourLevels { get; init; }

    /// <summary>
    /// The spacing of the lecture's sampling grid (0.05, on <c>arange(−3, 3, 0.05)</c>) for its
    /// landscapes; null to let the renderer choose.
    /// </summary>
    public double? GridStep { get; init; }

    /// <summary>f(x, y).</summary>
    public double Value(double x, double y) => _value(x, y);

    /// <summary>f at a point given as a span of two coordinates.</summary>
    public double Value(ReadOnlySpan<double> point) => _value(point[0], point[1]);

    /// <summary>f(x, y), with the exact partial derivatives in <paramref name="dx"/> and <paramref name="dy"/>.</summary>
    public double ValueAndGradient(double x, double y, out double dx, out double dy) =>
        _valueAndGradient(x, y, out dx, out dy);

    /// <summary>f at <paramref name="point"/> (two coordinates), the gradient written to <paramref name="gradient"/>.</summary>
    public double ValueAndGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        if (point.Length != 2 || gradient.Length != 2)
            throw new ArgumentException($"A 2-D objective takes 2 coordinates; got a point of {point.Length} and a gradient of {gradient.Length}.");
        double value = _valueAndGradient(point[0], point[1], out double dx, out double dy);
        gradient[0] = dx;
        gradient[1] = dy;
        return value;
    }

    /// <summary>
    /// The gradient at <paramref name="point"/>, written to <paramref name="gradient"/>. Its signature is
    /// <see cref="GradientOracle{T}"/>'s: pass <c>objective.Gradient</c> to look-ahead optimizers.
    /// </summary>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient) => ValueAndGradient(point, gradient);

    /// <summary>
    /// Samples f on the grid <paramref name="xs"/> × <paramref name="ys"/>, row by row:
    /// <c>values[j·xs.Length + i] = f(xs[i], ys[j])</c>.
    /// </summary>
    public void Evaluate(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<double> values)
    {
        if (values.Length != xs.Length * ys.Length)
            throw new ArgumentException($"The grid has {xs.Length}×{ys.Length} points but the output holds {values.Length}.", nameof(values));
        for (int j = 0; j < ys.Length; j++)
        {
            double y = ys[j];
            Span<double> row = values.Slice(j * xs.Length, xs.Length);
            for (int i = 0; i < xs.Length; i++) row[i] = _value(xs[i], y);
        }
    }

    /// <summary>f on the grid <paramref name="xs"/> × <paramref name="ys"/> as <c>[row j (y), column i (x)]</c>.</summary>
    public double[,] Evaluate(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var values = new double[ys.Length, xs.Length];
        for (int j = 0; j < ys.Length; j++)
            for (int i = 0; i < xs.Length; i++)
                values[j, i] = _value(xs[i], ys[j]);
        return values;
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
