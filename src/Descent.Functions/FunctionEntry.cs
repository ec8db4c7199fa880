namespace Descent.Functions;

/// <summary>
/// A built-in function of <see cref="FunctionCatalog"/>: its metadata, readable without compiling
/// anything (for listings), and the <see cref="Objective"/>, compiled on first use.
/// </summary>
public sealed class FunctionEntry
{
    private readonly Lazy<Objective> _objective;

    internal FunctionEntry(string name, FunctionKind kind, string formula, string description, Domain domain, Point2 start,
        IReadOnlyList<KnownMinimum> minima, IReadOnlyList<string>? aliases = null, IReadOnlyList<double>? contourLevels = null,
        double? gridStep = null)
    {
        Name = name;
        Kind = kind;
        Formula = formula;
        Description = description;
        Domain = domain;
        Start = start;
        Minima = minima;
        Aliases = aliases ?? [];
        ContourLevels = contourLevels;
        GridStep = gridStep;
        _objective = new Lazy<Objective>(() => new Objective(Name, CompiledFormula.Compile(Formula))
        {
            Kind = Kind,
            Description = Description,
            Domain = Domain,
            Start = Start,
            Minima = Minima,
            ContourLevels = ContourLevels,
            GridStep = GridStep,
        });
    }

    /// <summary>The name used everywhere (CLI, specs, results): <c>hills-and-canyon</c>.</summary>
    public string Name { get; }

    /// <summary>Other accepted names: <c>bad-init</c> for <c>two-minimums</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Lecture landscape or classic test function.</summary>
    public FunctionKind Kind { get; }

    /// <summary>The formula it is compiled from (<see cref="FormulaSyntax"/>).</summary>
    public string Formula { get; }

    /// <summary>What the function shows and where it comes from.</summary>
    public string Description { get; }

    /// <summary>The rectangle to draw.</summary>
    public Domain Domain { get; }

    /// <summary>The default start of optimizer paths.</summary>
    public Point2 Start { get; }

    /// <summary>Known minima on the domain, global first.</summary>
    public IReadOnlyList<KnownMinimum> Minima { get; }

    /// <summary>The lecture's contour levels for its landscapes; null for automatic levels.</summary>
    public IReadOnlyList<double>? ContourLevels { get; }

    /// <summary>The lecture's grid spacing (0.05) for its landscapes; null otherwise.</summary>
    public double? GridStep { get; }

    /// <summary>The compiled objective (compiled once, on first use; thread-safe).</summary>
    public Objective Objective => _objective.Value;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
